// The backup screens' strings, one file per language, mounted under t('backup.…') by the app shell.
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { pl } from './pl';

export const namespace = 'backup';
export const strings = { en, fr, ru, pl };
