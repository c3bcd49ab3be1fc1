package cn.zhongchuang.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites every value of every {@link EncryptedColumn} that is not under the current SM4
 * key (a retired key, the key-less format of key 1, or plaintext) under the current key.
 * In batches, each in its own transaction: the batch's rows are locked, decrypted with
 * the key they name and written back only if unchanged since read, so users may go on
 * working and several runs may overlap. Nothing is kept between runs: a run that is
 * stopped (killed, or after {@code maxBatches}) is resumed by running it again, which
 * finds what is left. Every batch and the end of each run are audited (events
 * {@link Rotated}, recorded by the audit module). When a complete run reports no value
 * left under a retired key, that key may be removed from the keyring.
 */
@Component
public class PersonalDataKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyRotation.class);

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final List<EncryptedColumn> columns;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	@Autowired
	PersonalDataKeyRotation(JdbcClient jdbc, PersonalDataCipher cipher, List<EncryptedColumn> columns,
			PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this(jdbc, cipher, columns, new TransactionTemplate(transactions), events);
	}

	private PersonalDataKeyRotation(JdbcClient jdbc, PersonalDataCipher cipher, List<EncryptedColumn> columns,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.columns = List.copyOf(columns);
		this.tx = tx;
		this.events = events;
	}

	/** The same rotation with another cipher (a keyring given by the caller). */
	public PersonalDataKeyRotation with(PersonalDataCipher other) {
		return new PersonalDataKeyRotation(this.jdbc, other, this.columns, this.tx, this.events);
	}

	/** The encrypted columns this rotation covers. */
	public List<EncryptedColumn> columns() {
		return this.columns;
	}

	/** Rewrites everything, in batches of {@code batchSize}. */
	public Result rotate(int batchSize) {
		return rotate(batchSize, Integer.MAX_VALUE);
	}

	/**
	 * Rewrites at most {@code maxBatches} batches of {@code batchSize} values; the result
	 * says whether anything is left (then run again).
	 */
	public Result rotate(int batchSize, int maxBatches) {
		int key = this.cipher.currentKeyId();
		Map<String, Integer> rewritten = new LinkedHashMap<>();
		int batches = 0;
		for (EncryptedColumn c : this.columns) {
			int total = 0;
			while (batches < maxBatches) {
				Integer n = this.tx.execute((status) -> {
					int done = batch(c, batchSize);
					if (done > 0) {
						// audited in the batch's transaction
						this.events.publishEvent(new Rotated(c.toString(), done, key, false));
					}
					return done;
				});
				batches++;
				if (n == null || n == 0) {
					break;
				}
				total += n;
				if (n < batchSize) {
					break;
				}
			}
			rewritten.put(c.toString(), total);
		}
		Map<String, Long> left = remaining();
		boolean complete = left.values().stream().allMatch((n) -> n == 0);
		int sum = rewritten.values().stream().mapToInt(Integer::intValue).sum();
		this.tx.executeWithoutResult((status) -> this.events.publishEvent(new Rotated("", sum, key, complete)));
		log.info("SM4 key rotation to key {}: {} value(s) rewritten, {}", key, sum,
				complete ? "none left under another key" : "some left (run again): " + left);
		return new Result(key, rewritten, left, complete);
	}

	/** Per column, how many values are not (yet) under the current key. */
	public Map<String, Long> remaining() {
		Map<String, Long> left = new LinkedHashMap<>();
		for (EncryptedColumn c : this.columns) {
			left.put(c.toString(),
					this.jdbc
						.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND "
								+ c.column() + " NOT LIKE :current")
						.param("current", PersonalDataCipher.prefix(this.cipher.currentKeyId()) + "%")
						.query(Long.class)
						.single());
		}
		return left;
	}

	private int batch(EncryptedColumn c, int size) {
		record Row(long id, String value) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT " + c.idColumn() + " AS id, " + c.column() + " AS value FROM " + c.table() + " WHERE "
					+ c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE :current ORDER BY " + c.idColumn()
					+ " LIMIT :size FOR UPDATE SKIP LOCKED")
			.param("current", PersonalDataCipher.prefix(this.cipher.currentKeyId()) + "%")
			.param("size", size)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("value")))
			.list();
		List<Long> done = new ArrayList<>();
		for (Row row : rows) {
			String rewritten = this.cipher.encrypt(this.cipher.decrypt(row.value()));
			int n = this.jdbc
				.sql("UPDATE " + c.table() + " SET " + c.column() + " = :rewritten WHERE " + c.idColumn()
						+ " = :id AND " + c.column() + " = :old")
				.param("rewritten", rewritten)
				.param("id", row.id())
				.param("old", row.value())
				.update();
			if (n == 1) {
				done.add(row.id());
			}
		}
		return done.size();
	}

	/**
	 * A batch of a column rewritten ({@code complete} false), or the end of a run
	 * ({@code column} empty; {@code complete} when nothing is left under another key).
	 */
	public record Rotated(String column, int values, int keyId, boolean complete) {
	}

	/** What a run did and what is left, per column. */
	public record Result(int keyId, Map<String, Integer> rewritten, Map<String, Long> remaining, boolean complete) {
	}

}
