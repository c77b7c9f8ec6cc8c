// The sync screens' strings, one file per language, mounted under t('sync.…') by the app shell.
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { pl } from './pl';

export const namespace = 'sync';
export const strings = { en, fr, ru, pl };
