/** The version of the privacy policy a user consents to at login; a new version asks for consent again. */
export const PRIVACY_POLICY_VERSION = '2026-11-23';
