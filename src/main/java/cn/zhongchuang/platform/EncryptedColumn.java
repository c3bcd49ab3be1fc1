package cn.zhongchuang.platform;

/**
 * A text column that holds personal data encrypted with {@link PersonalDataCipher}. A
 * module declares one bean of this type per such column, naming the table's numeric
 * primary key ({@code id} unless given); at start-up the platform encrypts, once, any
 * value of it still in plaintext from before, so the backfill is idempotent and safe on
 * several nodes, and {@link PersonalDataKeyRotation} rewrites it under a new key.
 */
public record EncryptedColumn(String table, String column, String idColumn) {

	public EncryptedColumn {
		if (!table.matches("[a-z_][a-z0-9_]*") || !column.matches("[a-z_][a-z0-9_]*")
				|| !idColumn.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain SQL identifier: " + table + "." + column);
		}
	}

	/** A column of a table whose primary key is {@code id}. */
	public EncryptedColumn(String table, String column) {
		this(table, column, "id");
	}

	@Override
	public String toString() {
		return this.table + "." + this.column;
	}

}
