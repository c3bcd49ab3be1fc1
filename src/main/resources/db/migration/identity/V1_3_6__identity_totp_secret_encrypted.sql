-- The TOTP secret is written under the SM4 cipher of personal data (platform.PersonalDataCipher,
-- prefix sm4g1:); no plaintext secret was ever stored by a released version.
COMMENT ON COLUMN user_totp.secret IS 'SM4-GCM ciphertext (sm4g1:) of the base32 TOTP secret';
