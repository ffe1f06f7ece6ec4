// English from the extension's own catalog: the words the command line prints and the
// report's JSON keeps (summary, message, why), the same as an English reader's popup.
import en from '../../public/_locales/en/messages.json';
import { lookupIn, translator, type Said } from './translator';

export const english = translator('en', lookupIn(en));

/** A said text in English. */
export const inEnglish = (said: Said): string => english.say(said);
