package cn.zhongchuang.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.PersonalDataCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second factors of accounts (table user_totp). The shared secret is stored under the
 * SM4 cipher of personal data: whoever reads the table cannot compute the codes.
 */
@Repository
class TotpEnrolments {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	TotpEnrolments(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** The secret is encrypted; declared so that key rotation rewrites it too. */
	@Bean
	static EncryptedColumn totpSecret() {
		return new EncryptedColumn("user_totp", "secret", "user_id");
	}

	Optional<Enrolment> find(long userId) {
		return this.jdbc.sql("SELECT user_id, secret, last_step, enrolled_at FROM user_totp WHERE user_id = :id")
			.param("id", userId)
			.query((rs, n) -> new Enrolment(rs.getLong("user_id"), this.cipher.decrypt(rs.getString("secret")),
					rs.getLong("last_step"), rs.getTimestamp("enrolled_at").toInstant()))
			.optional();
	}

	boolean exists(long userId) {
		return this.jdbc.sql("SELECT count(*) FROM user_totp WHERE user_id = :id")
			.param("id", userId)
			.query(Long.class)
			.single() > 0;
	}

	/** Stores a confirmed enrolment, replacing an earlier one. */
	void save(long userId, String secret, long lastStep, Instant at) {
		this.jdbc.sql("""
				INSERT INTO user_totp (user_id, secret, last_step, enrolled_at) VALUES (:id, :secret, :step, :at)
				ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_step = EXCLUDED.last_step,
				  enrolled_at = EXCLUDED.enrolled_at
				""")
			.param("id", userId)
			.param("secret", this.cipher.encrypt(secret))
			.param("step", lastStep)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Moves the replay guard forward; false when another request used this step (or a
	 * later one) first, so two requests racing with one code cannot both pass.
	 */
	boolean use(long userId, long step) {
		return this.jdbc.sql("UPDATE user_totp SET last_step = :step WHERE user_id = :id AND last_step < :step")
			.param("id", userId)
			.param("step", step)
			.update() == 1;
	}

	boolean delete(long userId) {
		return this.jdbc.sql("DELETE FROM user_totp WHERE user_id = :id").param("id", userId).update() == 1;
	}

	record Enrolment(long userId, String secret, long lastStep, Instant enrolledAt) {
	}

}
