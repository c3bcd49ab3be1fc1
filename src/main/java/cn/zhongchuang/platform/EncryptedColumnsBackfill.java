package cn.zhongchuang.platform;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts, once, the plaintext values left in the declared {@link EncryptedColumn}s (a
 * database from before encryption at rest). Each update only replaces the exact plaintext
 * it read, so a second node doing the same, or a user saving meanwhile, loses nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EncryptedColumnsBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EncryptedColumnsBackfill.class);

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final List<EncryptedColumn> columns;

	EncryptedColumnsBackfill(JdbcClient jdbc, PersonalDataCipher cipher, List<EncryptedColumn> columns) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.columns = columns;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (EncryptedColumn c : this.columns) {
			int encrypted = encrypt(c);
			if (encrypted > 0) {
				log.info("Encrypted {} plaintext value(s) of {}.{} with SM4", encrypted, c.table(), c.column());
			}
		}
	}

	List<EncryptedColumn> columns() {
		return this.columns;
	}

	int encrypt(EncryptedColumn c) {
		record Row(long id, String value) {
		}
		List<Row> plain = this.jdbc
			.sql("SELECT " + c.idColumn() + " AS id, " + c.column() + " AS value FROM " + c.table() + " WHERE "
					+ c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE :prefix ORDER BY " + c.idColumn())
			.param("prefix", PersonalDataCipher.PREFIX + "%")
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("value")))
			.list();
		int updated = 0;
		for (Row row : plain) {
			updated += this.jdbc
				.sql("UPDATE " + c.table() + " SET " + c.column() + " = :encrypted WHERE " + c.idColumn()
						+ " = :id AND " + c.column() + " = :plain")
				.param("encrypted", this.cipher.encrypt(row.value()))
				.param("id", row.id())
				.param("plain", row.value())
				.update();
		}
		return updated;
	}

}
