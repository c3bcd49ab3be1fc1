package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;

import org.springframework.stereotype.Component;

/** Operators with an account and recognitions of them, for the assessment tests. */
@Component
class AssessmentFixtures {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 400_000);

	private final Recognitions recognitions;

	private final TestOrganisations organisations;

	AssessmentFixtures(Recognitions recognitions, TestOrganisations organisations) {
		this.organisations = organisations;
		this.recognitions = recognitions;
	}

	record Holder(AuthenticatedUser operator, String creditCode, String name) {
	}

	Holder operator(String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "考核测试运营机构");
		return new Holder(org.account().principal(), org.creditCode(), org.name());
	}

	Recognitions.Recognized recognize(Holder h, String region, String level, String policy, String authority,
			LocalDate on, AuthenticatedUser bureau) {
		return this.recognitions
			.recognize(
					new RecognitionRequest("application", N.incrementAndGet(), "考核测试空间" + N.get(), h.name(),
							h.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", level, region, policy, authority, on),
					bureau);
	}

}
