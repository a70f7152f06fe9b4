/** The privacy notice shown beside the consent box; its text lives in the translation files. */
export const PRIVACY_NOTICE_VERSION = '2027-01';
