// The app shell's strings (frame, menu, boot, welcome, login, settings, rights, common words), one
// file per language, at the top level of the till's translations (t('menu.sale'), t('common.…')).
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { pl } from './pl';

export const strings = { en, fr, ru, pl };
