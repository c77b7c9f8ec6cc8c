// What a feature hands the app shell through its `ui/index.ts`: its screens (each on a route it
// declares by augmenting `Routes` in routing.ts), its menu entries, its settings sections and the
// small widgets the frame shows. The shell builds the routes, the menu and the frame from these
// lists alone, so a new screen, menu entry or settings page touches only its own feature.
import type { ComponentType, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Right } from '@model';
import type { RouteName } from './routing';

/** The menu's groups, in the order the menu shows them. */
export const MENU_GROUPS = ['till', 'lists', 'data', 'tools', 'settings'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface MenuEntry {
  group: MenuGroup;
  /** Position within its group (lower first). */
  order: number;
  /** The route argument this entry opens (`#/lists/prices`). */
  arg?: string;
  label(t: TFunction): string;
}

export interface Screen {
  name: RouteName;
  /** `arg` is the route's argument as typed in the address bar, or null. */
  render(arg: string | null): ReactNode;
  menu?: readonly MenuEntry[];
}

/** A page of Settings (`#/settings/<id>`), listed in the menu's Settings group. */
export interface SettingsSection {
  id: string;
  order: number;
  title(t: TFunction): string;
  /** Who may change it; others see the translated "no right" notice. */
  right?: Right;
  render(): ReactNode;
}

export interface Feature {
  screens?: readonly Screen[];
  settings?: readonly SettingsSection[];
  /** Shown in the top bar: `info` after the shop name, `operator` beside the operator's name. */
  topBar?: readonly { slot: 'info' | 'operator'; Component: ComponentType }[];
  /** Shown above every screen (e.g. a reminder that needs the manager). */
  banners?: readonly ComponentType[];
}
