package cn.zhongchuang.subsidy;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;

import org.springframework.stereotype.Component;

/**
 * Operators with an account, recognitions of them and programmes, for the subsidy tests.
 */
@Component
class SubsidyFixtures {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 700_000);

	private final Recognitions recognitions;

	private final TestOrganisations organisations;

	private final Subsidies subsidies;

	SubsidyFixtures(Recognitions recognitions, TestOrganisations organisations, Subsidies subsidies) {
		this.recognitions = recognitions;
		this.organisations = organisations;
		this.subsidies = subsidies;
	}

	record Holder(AuthenticatedUser operator, String creditCode, String name, Recognitions.Recognized rec) {
	}

	/** An operator of the region with an ACTIVE recognition under the pack. */
	Holder recognized(String region, String level, String policy, String authority, CurrentUser bureau) {
		TestOrganisations.Registered org = this.organisations.register(region, "奖补测试运营机构");
		Recognitions.Recognized rec = this.recognitions.recognize(new RecognitionRequest("application",
				N.incrementAndGet(), "奖补测试空间" + N.get(), org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE",
				level, region, policy, authority, LocalDate.of(2025, 3, 1)), bureau);
		return new Holder(org.account().principal(), org.creditCode(), org.name(), rec);
	}

	/** An OPEN programme on recognition with a default amount. */
	Programme open(CurrentUser bureau, String region, String budget, String perInstitution, String policy) {
		Programme p = this.subsidies.create(new Subsidies.ProgrammeForm("测试奖补项目" + N.incrementAndGet(), 2026, region,
				budget, Programme.ON_RECOGNITION, null, policy, Map.of("DEFAULT", perInstitution)), bureau);
		return this.subsidies.open(p.id(), p.version(), bureau);
	}

}
