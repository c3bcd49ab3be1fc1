package cn.zhongchuang.sanction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.reference.CreditCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, a fraud finding in Chaoyang recorded by cy_bureau: the recognition
 * revoked with its announcement (the registry shows it REVOKED) and the operator, by its
 * credit code, banned from applying for the pack's five years. Once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 42)
class DemoSanctions implements ApplicationRunner {

	/** The sanctioned operator's credit code. */
	static final String CREDIT_CODE = CreditCodes.generate("9", "1", "110100", "MA01HX70");

	private static final Logger log = LoggerFactory.getLogger(DemoSanctions.class);

	private final Accounts accounts;

	private final Recognitions recognitions;

	private final Sanctions sanctions;

	private final Clock clock;

	private final boolean demo;

	private final TransactionTemplate transactions;

	DemoSanctions(Accounts accounts, Recognitions recognitions, Sanctions sanctions, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.accounts = accounts;
		this.recognitions = recognitions;
		this.sanctions = sanctions;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> create());
		}
		catch (RuntimeException ex) {
			log.warn("Demo sanction not created: {}", ex.toString());
		}
	}

	private void create() {
		Optional<CurrentUser> bureau = this.accounts.find("cy_bureau").map(CurrentUser.class::cast);
		if (bureau.isEmpty() || !this.recognitions.ofCreditCode(CREDIT_CODE).isEmpty()) {
			return;
		}
		LocalDate today = ChinaTime.today(this.clock);
		long id = this.recognitions
			.recognize(new RecognitionRequest("demo", 9140, "朝阳区华兴众创空间", "北京华兴孵化器管理有限公司", CREDIT_CODE, "MAKER_SPACE",
					null, "DISTRICT", "110105", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会",
					LocalDate.of(today.getYear() - 1, 4, 15)), bureau.get())
			.id();
		this.sanctions.record(id, "申报时虚报在孵企业 18 家（实有 6 家），并伪造 12 份入孵协议", "2025年度运营补贴 30 万元", bureau.get());
		log.info("Created the demo sanction in Chaoyang");
	}

}
