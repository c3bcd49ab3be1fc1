-- The objector's phone is stored SM4-encrypted (sm4g1: + base64), longer than the number itself.
ALTER TABLE notice_objection ALTER COLUMN phone TYPE TEXT;
