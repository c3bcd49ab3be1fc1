package cn.zhongchuang.notice;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
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
 * In demo mode, one published Lanzhou notice with an open objection, created once, so
 * that the public notice pages and the bureau's queue are not empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 31)
class DemoNotice implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNotice.class);

	private final Notices notices;

	private final JdbcClient jdbc;

	private final boolean demo;

	DemoNotice(Notices notices, JdbcClient jdbc, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	private static final String TITLE = "兰州市2026年度市级众创空间拟认定名单公示";

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// once: the demo applications put their own notices up before this runs
		if (!this.demo || this.jdbc.sql("SELECT count(*) FROM notice WHERE title = :t")
			.param("t", TITLE)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		CurrentUser bureau = new DemoBureau();
		long id = this.notices.draft("lanzhou-2018", "620100", TITLE,
				List.of(new NoticeItem("demo", 8001, "兰州安宁大学生创业孵化众创空间", "兰州安宁创业服务有限公司",
						CreditCodes.generate("9", "1", "620100", "MA73AN01"), "MAKER_SPACE", "COMPREHENSIVE", "CITY",
						"620105"),
						new NoticeItem("demo", 8002, "兰州榆中生态农业众创空间", "榆中县兴农科技服务有限公司",
								CreditCodes.generate("9", "1", "620100", "MA73YK02"), "MAKER_SPACE", "SPECIALIZED",
								"CITY", "620123")),
				bureau);
		this.notices.publish(id, this.notices.today(), bureau);
		long itemId = this.jdbc.sql("SELECT id FROM notice_item WHERE notice_id = :id ORDER BY position LIMIT 1")
			.param("id", id)
			.query(Long.class)
			.single();
		this.notices.lodgeObjection(id, itemId, "王先生", "13912345678", "该空间实际使用面积不足申报面积的一半，部分工位长期闲置，请核实。");
		log.info("Created a demo notice with an open objection");
	}

	/** The Lanzhou bureau as the demo data's author. */
	private static final class DemoBureau implements CurrentUser {

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String username() {
			return "system";
		}

		@Override
		public String displayName() {
			return "演示数据";
		}

		@Override
		public Role role() {
			return Role.CITY_BUREAU;
		}

		@Override
		public String regionCode() {
			return "620100";
		}

	}

}
