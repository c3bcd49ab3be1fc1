package cn.zhongchuang.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, a pool of twelve experts for each demo bureau (朝阳 110105, 兰州 620100, 辽宁
 * 210000), created once, the first of each linked to the demo expert account of that
 * region (cy_expert, lz_expert, ln_expert). One expert per pool declares a conflict with
 * the demo operator of the region, so that a draw shows an exclusion.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoExperts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoExperts.class);

	private static final String[] FIELDS = { "电子信息", "生物医药", "智能制造", "文化创意", "投融资", "新材料", "节能环保", "现代农业" };

	private final Experts experts;

	private final Accounts users;

	private final AuditTrail audit;

	private final Clock clock;

	private final boolean demo;

	DemoExperts(Experts experts, Accounts users, AuditTrail audit, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.experts = experts;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int created = 0;
		created += pool("110105", "cy_expert", "北京朝阳创客空间科技有限公司",
				new String[] { "张伟", "王芳", "李娜", "刘强", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "徐涛", "孙悦" },
				new String[] { "清华大学", "北京航空航天大学", "中关村发展集团", "北京协和医学院", "中国科学院自动化研究所", "北京理工大学", "北京工业大学", "中国传媒大学",
						"启迪控股股份有限公司", "北京市科学技术研究院", "国投创合基金管理有限公司", "北京大学" });
		created += pool("620100", "lz_expert", "兰州星火众创科技有限公司",
				new String[] { "刘洋", "马丽", "王军", "张敏", "李刚", "赵娟", "陈勇", "杨静", "何平", "郭伟", "罗琳", "宋涛" },
				new String[] { "兰州大学", "兰州理工大学", "甘肃省科学院", "兰州交通大学", "西北师范大学", "甘肃农业大学", "兰州新区科技局", "甘肃省工业和信息化研究院",
						"兰州城市学院", "甘肃省生物医药产业创新研究院", "甘肃金控基金管理有限公司", "兰州文理学院" });
		created += pool("210000", "ln_expert", "沈阳智造众创空间管理有限公司",
				new String[] { "何敏", "张宇", "王磊", "李静", "刘波", "陈晨", "杨光", "赵鹏", "孙丽", "周明", "吴昊", "郑爽" },
				new String[] { "东北大学", "大连理工大学", "中国科学院沈阳自动化研究所", "辽宁大学", "沈阳工业大学", "中国医科大学", "大连海事大学", "沈阳航空航天大学",
						"辽宁省科学技术情报研究所", "新松机器人自动化股份有限公司", "辽宁中小企业发展基金", "鲁迅美术学院" });
		// jiangsu-2015 (jsfiling): the province's pool
		created += pool("320000", "js_expert", "南京玄武创客空间运营管理有限公司",
				new String[] { "钱进", "周婷", "吴昊", "郑洁", "王浩", "冯雪", "陈曦", "褚亮", "卫琳", "蒋波", "沈悦", "韩笑" },
				new String[] { "南京大学", "东南大学", "南京航空航天大学", "江苏省产业技术研究院", "南京理工大学", "中国药科大学", "河海大学", "江苏省科技资源统筹服务中心",
						"南京邮电大学", "江苏高投创业投资管理有限公司", "南京工业大学", "江苏省生产力促进中心" });
		if (created > 0) {
			log.info("Created {} demo expert pools", created);
		}
	}

	private int pool(String region, String account, String demoOperator, String[] names, String[] employers) {
		if (this.experts.countIn(region) > 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		Optional<Long> userId = this.users.find(account).map(Accounts.Entry::id);
		for (int i = 0; i < names.length; i++) {
			List<String> fields = new ArrayList<>(List.of(FIELDS[i % FIELDS.length]));
			if (i % 3 == 0) {
				fields.add(FIELDS[(i + 3) % FIELDS.length]);
			}
			List<String> conflicts = (i == names.length - 1) ? List.of(demoOperator) : List.of();
			String phone = "13" + (8 + i % 2)
					+ String.format("%08d", 10_000_000 + i * 1_234_567 % 90_000_000).substring(0, 8);
			ExpertForm form = new ExpertForm(names[i], fields, employers[i], (i % 2 == 0) ? "教授" : "高级工程师", phone, null,
					conflicts);
			this.experts.save(Expert.create(region, form, (i == 0) ? userId.orElse(null) : null, now));
		}
		this.audit.record(new AuditEntry("EXPERT_CREATE", "expert", region, AuditEntry.Result.SUCCESS,
				"初始化演示专家库 " + names.length + " 名", region, "system", "system"));
		return 1;
	}

}
