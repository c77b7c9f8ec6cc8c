// The till screens' strings, one file per language. They sit at the top level of the till's
// translations (t('sale.…'), t('pay.…'), t('receipt.…'), t('units.…'), t('screens.…')).
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { pl } from './pl';

export const strings = { en, fr, ru, pl };

/** Reason codes that have a message: the screens keep their error state in these types, so
 * t(`screens.errors.${reason}`) and the like are checked, and a new service reason needs a string. */
export type AmountErrorReason = keyof typeof en.screens.errors;
export type ClientErrorReason = keyof typeof en.screens.customers.errors;
export type RefundErrorReason = keyof typeof en.screens.refund.errors;
