package cn.zhongchuang.supervision;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TaskCounts;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待办 of rectifications on the home page: an order to answer counts for its operator only;
 * the answer moves it to the review count of the bureaus covering the region (the
 * district and its city, not another city); the bureau's decision takes it off.
 */
@IntegrationTest
class RectificationTaskTests {

	static final String KIND = "home-task-rectifications";

	@Autowired
	MockMvc mvc;

	@Autowired
	Supervision supervision;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Test
	void anAnsweredOrderWaitsForTheBureausOfItsRegionAndLeavesWhenDecided() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "整改待办测试运营机构");
		TestOrganisations.Registered other = this.organisations.register("110105", "整改待办测试运营机构");
		AuthenticatedUser operator = org.account().principal();
		AuthenticatedUser district = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		AuthenticatedUser city = this.accounts.create(Role.CITY_BUREAU, "110000").principal();
		AuthenticatedUser elsewhere = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		Recognitions.Recognized rec = this.recognitions
			.recognize(new RecognitionRequest("application", SupervisionTests.N.incrementAndGet(),
					"整改待办空间" + SupervisionTests.N.get(), org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE",
					"DISTRICT", "110105", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会", LocalDate.of(2025, 6, 1)),
					district);
		long districtBefore = TaskCounts.on(this.mvc, district, KIND);
		long cityBefore = TaskCounts.on(this.mvc, city, KIND);
		long elsewhereBefore = TaskCounts.on(this.mvc, elsewhere, KIND);

		// issued: the operator has one to answer, the other operator none, the bureaus
		// nothing new to review
		RectificationOrder order = this.supervision.issue(rec.id(), "场地面积不达标，请限期整改", null, district);
		assertThat(TaskCounts.on(this.mvc, operator, KIND)).isEqualTo(1);
		assertThat(TaskCounts.on(this.mvc, other.account().principal(), KIND)).isZero();
		assertThat(TaskCounts.on(this.mvc, district, KIND)).isEqualTo(districtBefore);

		// answered: off the operator's count, on the district's and the city's, not
		// elsewhere
		RectificationOrder answered = this.supervision.answer(order.id, order.version, "已扩租场地至 600 平方米", operator);
		assertThat(TaskCounts.on(this.mvc, operator, KIND)).isZero();
		assertThat(TaskCounts.on(this.mvc, district, KIND)).isEqualTo(districtBefore + 1);
		assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore + 1);
		assertThat(TaskCounts.on(this.mvc, elsewhere, KIND)).isEqualTo(elsewhereBefore);

		// decided: it leaves the review count
		this.supervision.decide(answered.id, answered.version, true, "整改到位", district);
		assertThat(TaskCounts.on(this.mvc, district, KIND)).isEqualTo(districtBefore);
		assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore);
		assertThat(TaskCounts.on(this.mvc, operator, KIND)).isZero();
	}

}
