package cn.zhongchuang.recognition;

import java.time.LocalDate;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.platform.Role;

import org.springframework.stereotype.Component;

/**
 * Institutions holding a title, for the tests of external titles, recommendations and the
 * public list: a fresh organisation with one maker space, granted a title through
 * {@link Recognitions#recognize} by a bureau of the title's level.
 */
@Component
class TitleFixtures {

	private final TestOrganisations organisations;

	private final TestAccounts accounts;

	private final Recognitions recognitions;

	TitleFixtures(TestOrganisations organisations, TestAccounts accounts, Recognitions recognitions) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.recognitions = recognitions;
	}

	/** 朝阳区 (110105): a district title under the Chaoyang pack. */
	Titled chaoyangDistrict(String prefix) {
		return titled("110105", prefix, "DISTRICT", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会",
				account(Role.CITY_BUREAU, "110105"));
	}

	/** 沈阳市浑南区 (210112): a provincial title under the Liaoning pack. */
	Titled liaoningProvince(String prefix) {
		return titled("210112", prefix, "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅",
				account(Role.PROVINCE, "210000"));
	}

	/** 兰州市城关区 (620102): a city title under the Lanzhou pack. */
	Titled lanzhouCity(String prefix) {
		return titled("620102", prefix, "CITY", "lanzhou-2018", "兰州市科学技术局", account(Role.CITY_BUREAU, "620100"));
	}

	/** An institution with no title at all. */
	TestOrganisations.Registered untitled(String region, String prefix) {
		return this.organisations.register(region, prefix);
	}

	Titled titled(String region, String prefix, String level, String policy, String authority,
			AuthenticatedUser bureau) {
		TestOrganisations.Registered org = this.organisations.register(region, prefix);
		long subject = RecognitionTests.SUBJECT.incrementAndGet();
		Recognitions.Recognized rec = this.recognitions.recognize(new RecognitionRequest("application", subject,
				org.name() + "众创空间", org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", level, region,
				policy, authority, LocalDate.of(2025, 6, 1), org.institutionId()), bureau);
		return new Titled(org, rec, bureau);
	}

	AuthenticatedUser account(Role role, String region) {
		return this.accounts.create(role, region).principal();
	}

	/** The organisation, its institution's title and the bureau that granted it. */
	record Titled(TestOrganisations.Registered org, Recognitions.Recognized title, AuthenticatedUser bureau) {

		long institutionId() {
			return this.org.institutionId();
		}

		String name() {
			return this.org.name() + "众创空间";
		}

	}

}
