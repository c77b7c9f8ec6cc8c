// Random ids for records created at the till (receipts, mutations, clients): UUID v4 from WebCrypto.
export function newId(): string {
  return crypto.randomUUID();
}
