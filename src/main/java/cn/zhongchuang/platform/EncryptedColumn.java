package cn.zhongchuang.platform;

/**
 * A text column that holds personal data encrypted with {@link PersonalDataCipher}. A
 * module declares one bean of this type per such column (the table must have a numeric
 * primary key named id); at start-up the platform encrypts, once, any value of it still
 * in plaintext from before, so the backfill is idempotent and safe on several nodes.
 */
public record EncryptedColumn(String table, String column) {

	public EncryptedColumn {
		if (!table.matches("[a-z_][a-z0-9_]*") || !column.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain SQL identifier: " + table + "." + column);
		}
	}

}
