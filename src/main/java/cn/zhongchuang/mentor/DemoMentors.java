package cn.zhongchuang.mentor;

import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, once: the 玄武 operator ({@code js_operator}) nominates two of its mentors
 * for its space; 江苏省科学技术厅 ({@code js_province}) certifies the first, who is then in the
 * public registry ({@code /mentors}); the second waits for the province's decision.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 48)
class DemoMentors implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMentors.class);

	private final Mentors mentors;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final boolean demo;

	DemoMentors(Mentors mentors, Accounts accounts, JdbcClient jdbc, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.mentors = mentors;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo || this.jdbc.sql("SELECT count(*) FROM mentor_certification").query(Long.class).single() > 0) {
			return;
		}
		Optional<CurrentUser> operator = user("js_operator");
		Optional<CurrentUser> province = user("js_province");
		if (operator.isEmpty() || province.isEmpty()) {
			return;
		}
		Mentors.Choices choices = this.mentors.choices(operator.get());
		List<Operators.MentorRecord> records = choices.mentors();
		if (choices.institutions().isEmpty() || records.size() < 2) {
			return;
		}
		long institution = choices.institutions().get(0).id();
		long certified = this.mentors
			.submit(new Mentors.Form(records.get(0).id(), institution, null, IdNumbers.withCheck("32010219780512031"),
					"13851234567", "人工智能", null, "在人工智能领域创业十二年，辅导初创团队四十余个，其中八家获得天使或 A 轮融资。"), null, operator.get());
		this.mentors.certify(certified, this.mentors.get(certified, province.get()).version(), province.get());
		this.mentors
			.submit(new Mentors.Form(records.get(1).id(), institution, null, IdNumbers.withCheck("32010219850923042"),
					"13951234568", "生物医药", null, "生物医药企业研发总监，担任创业大赛评委五年，辅导团队十五个。"), null, operator.get());
		log.info("Demo mentors: one certified by the province, one nomination pending");
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
