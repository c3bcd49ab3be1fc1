package cn.zhongchuang.recognition;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revocation and lapse: guarded, region-scoped, audited, announced; the registry, the
 * detail page, the verification page and the API show the status and the announcement.
 */
@IntegrationTest
@RecordApplicationEvents
class RevocationTests {

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aRevokedRecognitionShowsItsAnnouncementEverywhereAndCannotBeRevokedTwice() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long subject = RecognitionTests.SUBJECT.incrementAndGet();
		String name = "撤销测试众创空间" + subject;
		Recognitions.Recognized rec = this.recognitions.recognize(new RecognitionRequest("application", subject, name,
				name + "运营公司", CreditCodes.generate("9", "1", "620100", String.format("RK%06d", subject % 1_000_000)),
				"MAKER_SPACE", "COMPREHENSIVE", "CITY", "620102", "lanzhou-2018", "兰州市科学技术局", LocalDate.of(2026, 3, 2)),
				bureau);

		var other = this.accounts.create(Role.CITY_BUREAU, "210100").principal();
		assertThatThrownBy(
				() -> this.recognitions.revoke(rec.id(), Recognitions.Outcome.REVOKED, "虚假材料", "公告", null, other))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> this.recognitions.revoke(rec.id(), Recognitions.Outcome.REVOKED, " ", "", null, bureau))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("reason", "announcement"));

		Recognitions.RecognitionSummary revoked = this.recognitions.revoke(rec.id(), Recognitions.Outcome.REVOKED,
				"申报材料中在孵企业名单虚假", "经查，" + name + "申报材料虚假，撤销其市级众创空间认定。", null, bureau);
		assertThat(revoked.status()).isEqualTo("REVOKED");
		assertThat(revoked.plaqueRemovalOn()).isNotNull();
		assertThat(this.events.stream(Recognitions.RecognitionRevoked.class)
			.anyMatch((e) -> e.recognitionId() == rec.id() && e.status().equals("REVOKED"))).isTrue();
		assertThatThrownBy(
				() -> this.recognitions.revoke(rec.id(), Recognitions.Outcome.LAPSED, "再次", "再次", null, bureau))
			.isInstanceOf(ConflictException.class);

		this.mvc.perform(get("/api/v1/registry").param("q", name))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("REVOKED"))
			.andExpect(jsonPath("$.items[0].announcement", containsString("撤销其市级众创空间认定")))
			.andExpect(jsonPath("$.items[0].endedOn").exists());
		this.mvc.perform(get("/api/v1/registry").param("q", name).param("status", "ACTIVE"))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/registry").param("q", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤销")))
			.andExpect(content().string(containsString("撤销其市级众创空间认定")));
		this.mvc.perform(get("/registry/" + rec.number()))
			.andExpect(content().string(containsString("摘牌日期")))
			.andExpect(content().string(containsString("撤销其市级众创空间认定")));
		this.mvc.perform(get("/verify/" + rec.verificationCode()))
			.andExpect(content().string(containsString("不再有效")))
			.andExpect(content().string(containsString("撤销其市级众创空间认定")));
		this.mvc.perform(get("/api/v1/registry/announcements").param("region", "620100"))
			.andExpect(jsonPath("$[*].number", org.hamcrest.Matchers.hasItem(rec.number())));
	}

}
