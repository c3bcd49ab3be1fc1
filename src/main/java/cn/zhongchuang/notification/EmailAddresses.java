package cn.zhongchuang.notification;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail address a user wants notifications at (table {@code notification_email}),
 * set by the user on 通知设置. No address, no e-mail.
 */
@Service
class EmailAddresses {

	static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	EmailAddresses(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Optional<Setting> of(long userId) {
		return this.jdbc.sql("SELECT email, version FROM notification_email WHERE user_id = :u")
			.param("u", userId)
			.query((rs, n) -> new Setting(rs.getString("email"), rs.getInt("version")))
			.optional();
	}

	/**
	 * Sets (or with a blank value removes) the user's own address.
	 * @param version the version the form was loaded with, -1 when there was none
	 */
	@Transactional
	void set(CurrentUser user, String email, int version) {
		String value = (email != null) ? email.strip() : "";
		if (!value.isEmpty() && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
			throw new FieldErrorException("email", "请输入有效的电子邮箱地址，如 name@example.gov.cn");
		}
		Optional<Setting> current = of(user.id());
		int currentVersion = current.map(Setting::version).orElse(-1);
		if (currentVersion != version) {
			throw new OptimisticLockingFailureException("notification_email " + user.id());
		}
		if (value.isEmpty()) {
			this.jdbc.sql("DELETE FROM notification_email WHERE user_id = :u AND version = :v")
				.param("u", user.id())
				.param("v", version)
				.update();
		}
		else if (current.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO notification_email (user_id, email, updated_at) VALUES (:u, :e, :at)
					ON CONFLICT (user_id) DO NOTHING
					""")
				.param("u", user.id())
				.param("e", value)
				.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		else {
			int rows = this.jdbc.sql("""
					UPDATE notification_email SET email = :e, updated_at = :at, version = version + 1
					WHERE user_id = :u AND version = :v
					""")
				.param("e", value)
				.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
				.param("u", user.id())
				.param("v", version)
				.update();
			if (rows != 1) {
				throw new OptimisticLockingFailureException("notification_email " + user.id());
			}
		}
		this.audit.record(AuditEntry.success("NOTIFICATION_EMAIL_SET", "user", user.id(),
				value.isEmpty() ? "删除通知邮箱" : "设置通知邮箱", user.regionCode()));
	}

	record Setting(String email, int version) {
	}

}
