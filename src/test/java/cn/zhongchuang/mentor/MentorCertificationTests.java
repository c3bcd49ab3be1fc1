package cn.zhongchuang.mentor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 创业导师认定 end to end on the real database: an operator nominates, the province of the
 * institution's region certifies, the public registry shows the certificate and never the
 * ID number or phone; a person certified twice is refused (also when two certifications
 * race); refusal, revocation and lapse; the public API's bad parameters answer 400.
 */
@IntegrationTest
class MentorCertificationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Mentors mentors;

	@Autowired
	MentorLapses lapses;

	@Autowired
	MentorFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNominationCertifiedByTheProvinceIsInThePublicRegistryWithoutIdNumberOrPhone() throws Exception {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		String name = MentorFixtures.name();
		long record = this.fixtures.mentorRecord(op, name, "智能制造");
		String idNumber = MentorFixtures.idNumber();
		MvcResult submitted = this.mvc
			.perform(multipart("/mentor-certifications").param("mentorRecordId", String.valueOf(record))
				.param("institutionId", String.valueOf(op.institutionId()))
				.param("idNumber", idNumber)
				.param("phone", "13955501234")
				.param("experience", "曾创办两家智能制造企业，担任省级孵化器创业导师五年。")
				.with(user(op.account().principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = Long.parseLong(submitted.getResponse().getRedirectedUrl().replaceAll(".*/", ""));

		// personal data at rest: SM4 ciphertext, never the number or the phone
		String storedId = this.jdbc.sql("SELECT id_number FROM mentor_certification WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String storedPhone = this.jdbc.sql("SELECT phone FROM mentor_certification WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(storedId).startsWith("sm4g1:").doesNotContain(idNumber.substring(6, 14));
		assertThat(storedPhone).startsWith("sm4g1:").doesNotContain("13955501234");
		MentorCertification pending = this.mentors.get(id, op.account().principal());
		assertThat(pending.origin()).isEqualTo(MentorCertification.Origin.NOMINATION);
		assertThat(pending.field()).as("from the mentor record").isEqualTo("智能制造");
		assertThat(pending.provinceCode()).isEqualTo("320000");
		assertThat(pending.idNumber()).isEqualTo(idNumber);

		AuthenticatedUser province = this.fixtures.province("320000");
		this.mvc
			.perform(post("/mentor-certifications/" + id + "/certify")
				.param("version", String.valueOf(pending.version()))
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		MentorCertification c = this.mentors.get(id, province);
		LocalDate today = this.mentors.today();
		assertThat(c.status()).isEqualTo(MentorCertification.Status.CERTIFIED);
		assertThat(c.certificateNumber()).matches("苏创导〔" + today.getYear() + "〕\\d{3}号");
		assertThat(c.certifiedOn()).isEqualTo(today);
		assertThat(c.validUntil()).as("three years, both ends included").isEqualTo(today.plusYears(3).minusDays(1));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'MENTOR_CERTIFY' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", op.account().id())
			.param("t", "创业导师已认定：" + name)
			.query(Long.class)
			.single()).as("the nominating operator is told").isEqualTo(1);

		// the public API and page, no sign-in, no session
		MvcResult api = this.mvc.perform(get("/api/v1/mentors").param("q", name))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value(name))
			.andExpect(jsonPath("$.items[0].field").value("智能制造"))
			.andExpect(jsonPath("$.items[0].institution").value(op.name() + "众创空间"))
			.andExpect(jsonPath("$.items[0].certificateNumber").value(c.certificateNumber()))
			.andExpect(jsonPath("$.items[0].validUntil").value(c.validUntil().toString()))
			.andExpect(jsonPath("$.items[0].status").value("CERTIFIED"))
			.andReturn();
		assertThat(api.getResponse().getContentAsString()).doesNotContain(idNumber)
			.doesNotContain("13955501234")
			.doesNotContain("idNumber")
			.doesNotContain("phone");
		this.mvc.perform(get("/api/v1/mentors").param("field", "智能制造").param("q", name))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/mentors").param("field", "人工智能").param("q", name))
			.andExpect(jsonPath("$.total").value(0));
		MvcResult page = this.mvc.perform(get("/mentors").param("q", "智能制造")).andExpect(status().isOk()).andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains(name).contains(c.certificateNumber()).contains("有效");
		assertThat(html).doesNotContain(idNumber).doesNotContain("13955501234");
		LocalDate until = c.validUntil();
		assertThat(html).contains(until.getYear() + "年" + until.getMonthValue() + "月" + until.getDayOfMonth() + "日")
			.doesNotContain(until.toString());
		// a visitor is given no session, no token and no cookie, on the page and the API
		assertThat(html).doesNotContain("_csrf");
		assertThat(page.getRequest().getSession(false)).isNull();
		assertThat(page.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(api.getRequest().getSession(false)).isNull();
		assertThat(api.getResponse().getHeaders("Set-Cookie")).isEmpty();
		// the staff page shows the number masked
		String detail = this.mvc.perform(get("/mentor-certifications/" + id).with(user(province)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains(IdNumbers.masked(idNumber)).doesNotContain(idNumber);
		this.mvc.perform(get("/mentor-certifications").param("q", name).with(user(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(c.certificateNumber())));
	}

	@Test
	void aPersonCertifiedTwiceIsRefusedNamingTheIdNumber() throws Exception {
		String idNumber = MentorFixtures.idNumber();
		TestOrganisations.Registered a = this.fixtures.operator("320106");
		TestOrganisations.Registered b = this.fixtures.operator("320102");
		String name = MentorFixtures.name();
		long first = this.fixtures.nominate(a, name, idNumber);
		long second = this.fixtures.nominate(b, name, idNumber);
		AuthenticatedUser province = this.fixtures.province("320000");
		String number = this.mentors.certify(first, 0, province).certificateNumber();
		// the page of the second nomination warns before the province decides
		String warned = this.mvc.perform(get("/mentor-certifications/" + second).with(user(province)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(warned).contains("id=\"same-person\"").contains(number).contains("请不予认定");
		assertThat(this.mvc.perform(get("/mentor-certifications/" + first).with(user(province)))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("not on the certificate itself").doesNotContain("id=\"same-person\"");

		MvcResult refused = this.mvc
			.perform(post("/mentor-certifications/" + second + "/certify").param("version", "0")
				.with(user(province))
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("身份证号").contains("同一人不能重复认定");
		assertThat(this.mentors.get(second, province).status()).isEqualTo(MentorCertification.Status.PENDING);
		// and a new nomination of the certified person is refused at once, naming the
		// field
		assertThatThrownBy(() -> this.fixtures.nominate(a, name, idNumber)).isInstanceOfSatisfying(
				FieldErrorException.class,
				(ex) -> assertThat(ex.errors()).containsKey("idNumber")
					.extractingByKey("idNumber")
					.asString()
					.contains("已持有有效的创业导师证书"));
		// certifying the same nomination again is a conflict, not a second certificate
		assertThatThrownBy(() -> this.mentors.certify(first, 1, province)).isInstanceOf(ConflictException.class);
	}

	@Test
	void twoConcurrentCertificationsOfOnePersonLetExactlyOneWin() throws Exception {
		String idNumber = MentorFixtures.idNumber();
		TestOrganisations.Registered a = this.fixtures.operator("320106");
		TestOrganisations.Registered b = this.fixtures.operator("320105");
		long first = this.fixtures.nominate(a, "并发导师甲", idNumber);
		long second = this.fixtures.nominate(b, "并发导师甲", idNumber);
		AuthenticatedUser one = this.fixtures.province("320000");
		AuthenticatedUser two = this.fixtures.province("320000");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Object[] job : new Object[][] { { first, one }, { second, two } }) {
				Callable<String> task = () -> {
					start.await();
					try {
						return this.mentors.certify((Long) job[0], 0, (AuthenticatedUser) job[1]).certificateNumber();
					}
					catch (FieldErrorException ex) {
						return "refused:" + ex.errors().keySet();
					}
				};
				results.add(pool.submit(task));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : results) {
				outcomes.add(f.get(60, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn((o) -> o.startsWith("苏创导")).hasSize(1);
			assertThat(outcomes).filteredOn((o) -> o.equals("refused:[idNumber]")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM mentor_certification WHERE id IN (:a, :b) AND status = 'CERTIFIED'")
					.param("a", first)
					.param("b", second)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void theProvinceRefusesWithAReasonAndTheOperatorIsTold() {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		String name = MentorFixtures.name();
		long id = this.fixtures.nominate(op, name, MentorFixtures.idNumber());
		AuthenticatedUser province = this.fixtures.province("320000");
		assertThatThrownBy(() -> this.mentors.refuse(id, 0, "  ", province))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("reason"));
		MentorCertification refused = this.mentors.refuse(id, 0, "辅导业绩证明材料不足", province);
		assertThat(refused.status()).isEqualTo(MentorCertification.Status.REFUSED);
		assertThat(refused.certificateNumber()).isNull();
		assertThat(this.mentors.registry(name, null, null, null).total()).isZero();
		assertThat(this.jdbc.sql("SELECT body FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", op.account().id())
			.param("t", "创业导师认定未通过：" + name)
			.query(String.class)
			.single()).contains("辅导业绩证明材料不足");
		assertThatThrownBy(() -> this.mentors.certify(id, 1, province)).isInstanceOf(ConflictException.class);
	}

	@Test
	void onlyTheProvinceOfTheInstitutionsRegionDecides() throws Exception {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		long id = this.fixtures.nominate(op, MentorFixtures.name(), MentorFixtures.idNumber());
		AuthenticatedUser liaoning = this.fixtures.province("210000");
		assertThatThrownBy(() -> this.mentors.certify(id, 0, liaoning)).isInstanceOf(NotFoundException.class);
		AuthenticatedUser other = this.fixtures.province("330000");
		assertThatThrownBy(() -> this.mentors.certify(id, 0, other)).isInstanceOf(NotFoundException.class);
		this.mvc
			.perform(post("/mentor-certifications/" + id + "/certify").param("version", "0")
				.with(user(op.account().principal()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		AuthenticatedUser city = this.fixtures.accounts()
			.create(cn.zhongchuang.platform.Role.CITY_BUREAU, "320100")
			.principal();
		assertThatThrownBy(() -> this.mentors.certify(id, 0, city)).isInstanceOf(NotFoundException.class);
		assertThat(this.mentors.certify(id, 0, this.fixtures.province("320000")).status())
			.isEqualTo(MentorCertification.Status.CERTIFIED);
	}

	@Test
	void aRevokedCertificateShowsRevokedAndFreesThePersonForANewCertification() throws Exception {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		String name = MentorFixtures.name();
		String idNumber = MentorFixtures.idNumber();
		long id = this.fixtures.nominate(op, name, idNumber);
		AuthenticatedUser province = this.fixtures.province("320000");
		MentorCertification c = this.mentors.certify(id, 0, province);
		assertThatThrownBy(() -> this.mentors.revoke(id, c.version(), "", province))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("reason"));
		MentorCertification revoked = this.mentors.revoke(id, c.version(), "提供虚假从业经历", province);
		assertThat(revoked.status()).isEqualTo(MentorCertification.Status.REVOKED);
		assertThat(revoked.endedOn()).isEqualTo(this.mentors.today());
		Mentors.RegistryEntry entry = this.mentors.registry(name, null, null, null).items().get(0);
		assertThat(entry.status()).isEqualTo("REVOKED");
		assertThat(entry.statusLabel()).isEqualTo("已撤销");
		// the public page lists certificates in force unless asked for all
		assertThat(this.mvc.perform(get("/mentors").param("q", name))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(c.certificateNumber());
		String all = this.mvc.perform(get("/mentors").param("q", name).param("scope", "all"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		LocalDate today = this.mentors.today();
		assertThat(all).contains(c.certificateNumber())
			.contains("已撤销")
			.contains(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日撤销");
		this.mvc.perform(get("/mentors").param("scope", "revoked")).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", op.account().id())
			.param("t", "创业导师证书已撤销：" + name)
			.query(Long.class)
			.single()).isEqualTo(1);
		// no longer active: the same person may be nominated and certified again
		long again = this.fixtures.nominate(op, name, idNumber);
		assertThat(this.mentors.certify(again, 0, province).status()).isEqualTo(MentorCertification.Status.CERTIFIED);
	}

	@Test
	void aCertificatePastItsTermLapsesShownAtOnceAndMarkedByTheJob() {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		String name = MentorFixtures.name();
		String idNumber = MentorFixtures.idNumber();
		long id = this.fixtures.nominate(op, name, idNumber);
		AuthenticatedUser province = this.fixtures.province("320000");
		this.mentors.certify(id, 0, province);
		String fresh = MentorFixtures.name();
		long other = this.fixtures.nominate(op, fresh, MentorFixtures.idNumber());
		this.mentors.certify(other, 0, province);
		// the three-year term has run out: certified three years and a day ago
		LocalDate today = this.mentors.today();
		this.jdbc.sql("UPDATE mentor_certification SET certified_on = :on, valid_until = :until WHERE id = :id")
			.param("on", today.minusYears(3).minusDays(1))
			.param("until", today.minusDays(2))
			.param("id", id)
			.update();
		assertThat(this.mentors.registry(name, null, null, null).items().get(0).status())
			.as("computed on read before the job")
			.isEqualTo("LAPSED");

		assertThat(this.lapses.run()).isGreaterThanOrEqualTo(1);
		MentorCertification lapsed = this.mentors.get(id, province);
		assertThat(lapsed.status()).isEqualTo(MentorCertification.Status.LAPSED);
		assertThat(lapsed.endedOn()).isEqualTo(today.minusDays(1));
		assertThat(this.mentors.get(other, province).status()).as("still in its term")
			.isEqualTo(MentorCertification.Status.CERTIFIED);
		assertThat(this.lapses.run()).as("nothing left to lapse").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'MENTOR_LAPSE' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		Mentors.RegistryEntry entry = this.mentors.registry(name, null, null, null).items().get(0);
		assertThat(entry.statusLabel()).isEqualTo("已过期");
		long again = this.fixtures.nominate(op, name, idNumber);
		assertThat(this.mentors.certify(again, 0, province).status()).isEqualTo(MentorCertification.Status.CERTIFIED);
	}

	@Test
	void theNominationFormRefusesBadInputNamingTheField() {
		TestOrganisations.Registered op = this.fixtures.operator("320106");
		String bad = MentorFixtures.idNumber();
		String wrongCheck = bad.substring(0, 17) + ((bad.charAt(17) == '0') ? '1' : '0');
		assertThatThrownBy(
				() -> this.mentors.submit(new Mentors.Form(null, op.institutionId(), "", wrongCheck, "123", "", "", ""),
						null, op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKeys("name",
					"idNumber", "phone", "field", "employer", "experience"));
	}

	@Test
	void theRegistryApiAnswersBadParametersWith400NamingThem() throws Exception {
		for (String[] bad : new String[][] { { "page", "abc" }, { "page", "0" }, { "size", "500" }, { "size", "-1" },
				{ "q", "长".repeat(51) } }) {
			this.mvc.perform(get("/api/v1/mentors").param(bad[0], bad[1]))
				.andExpect(status().isBadRequest())
				.andExpect(
						header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
		this.mvc
			.perform(get("/api/v1/mentors").param("page", "1").param("size", "5").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(5));
		this.mvc.perform(get("/mentors").param("page", "abc")).andExpect(status().isBadRequest());
	}

}
