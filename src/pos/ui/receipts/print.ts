// Prints the on-screen receipt on 58 or 80 mm roll paper: the @page size is set for this print only.
export function printWithPaper(width: '58' | '80'): void {
  const style = document.createElement('style');
  style.textContent = `@page { size: ${width}mm auto; margin: 0; }`;
  document.head.appendChild(style);
  const cleanup = () => {
    style.remove();
    window.removeEventListener('afterprint', cleanup);
  };
  window.addEventListener('afterprint', cleanup);
  window.print();
}
