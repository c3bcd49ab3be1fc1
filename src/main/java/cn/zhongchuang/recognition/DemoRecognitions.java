package cn.zhongchuang.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.reference.CreditCodes;
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
 * In demo mode, a few recognized institutions in each demo region (朝阳 110105, 兰州 620100
 * and its districts, 辽宁 210000 cities), created once, so that the registry is not empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoRecognitions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRecognitions.class);

	private final Recognitions recognitions;

	private final RecognitionRecords records;

	private final Clock clock;

	private final boolean demo;

	DemoRecognitions(Recognitions recognitions, RecognitionRecords records, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.recognitions = recognitions;
		this.records = records;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo || this.records.countOf("demo") > 0) {
			return;
		}
		LocalDate today = ChinaTime.today(this.clock);
		List<Demo> demos = List.of(
				new Demo("朝阳区望京创客工场", "北京望京创客科技有限公司", "110105", "DISTRICT", null, "beijing-chaoyang-2017",
						"北京市朝阳区科学技术和信息化局", "MA01WJ1"),
				new Demo("朝阳区798文创众创空间", "北京七九八文创孵化器有限公司", "110105", "DISTRICT", null, "beijing-chaoyang-2017",
						"北京市朝阳区科学技术和信息化局", "MA01WC2"),
				new Demo("兰州城关青创汇众创空间", "兰州青创汇企业管理有限公司", "620102", "CITY", "COMPREHENSIVE", "lanzhou-2018", "兰州市科学技术局",
						"MA73QC1"),
				new Demo("兰州七里河黄河创客空间", "兰州黄河创客科技服务有限公司", "620103", "CITY", "COMPREHENSIVE", "lanzhou-2018", "兰州市科学技术局",
						"MA73HH2"),
				new Demo("兰州新区智造众创空间", "兰州智造孵化器管理有限公司", "620100", "CITY", "SPECIALIZED", "lanzhou-2018", "兰州市科学技术局",
						"MA73GG3"),
				new Demo("沈阳浑南工业互联网专业化众创空间", "沈阳浑南创新服务有限公司", "210112", "PROVINCE", "SPECIALIZED",
						"liaoning-specialized-2019", "辽宁省科学技术厅", "MA0HN01"),
				new Demo("大连高新区海洋生物专业化众创空间", "大连海创科技服务有限公司", "210211", "PROVINCE", "SPECIALIZED",
						"liaoning-specialized-2019", "辽宁省科学技术厅", "MA0HT02"),
				new Demo("鞍山钢铁新材料专业化众创空间", "鞍山新材孵化器有限公司", "210300", "PROVINCE", "SPECIALIZED",
						"liaoning-specialized-2019", "辽宁省科学技术厅", "MA0GT03"));
		int n = 0;
		for (Demo d : demos) {
			String region6 = d.region().substring(0, 4) + "00";
			String credit = CreditCodes.generate("9", "1", region6, d.org() + n);
			this.recognitions.grant(new RecognitionRequest("demo", 9000 + n, d.name(), d.operator(), credit,
					"MAKER_SPACE", d.specialization(), d.level(), d.region(), d.policy(), d.authority(),
					today.minusDays(40 + 30L * n)), "system");
			n++;
		}
		log.info("Created {} demo recognitions", n);
	}

	private record Demo(String name, String operator, String region, String level, String specialization, String policy,
			String authority, String org) {
	}

}
