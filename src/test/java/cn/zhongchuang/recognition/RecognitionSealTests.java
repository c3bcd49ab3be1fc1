package cn.zhongchuang.recognition;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HMAC-SM3 seals on recognition decisions: sealed when recognized and again when revoked;
 * the certificate verification page, the registry page and the seal API show 签章有效 until
 * the owner changes the row in the database; records loaded in bulk without a seal are
 * sealed by the batch backfill.
 */
@IntegrationTest
class RecognitionSealTests {

	static final String TAMPERED = "签章校验失败（记录可能被篡改）";

	@Autowired
	Recognitions recognitions;

	@Autowired
	RecognitionRecords records;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestDatabase database;

	@Autowired
	MockMvc mvc;

	Recognitions.Recognized recognize(String name) {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long subject = RecognitionTests.SUBJECT.incrementAndGet();
		return this.recognitions.recognize(new RecognitionRequest("application", subject, name + subject, name + "运营公司",
				CreditCodes.generate("9", "1", "620100", String.format("RG%06d", subject % 1_000_000)), "MAKER_SPACE",
				"COMPREHENSIVE", "CITY", "620102", "lanzhou-2018", "兰州市科学技术局", LocalDate.of(2026, 3, 2)), bureau);
	}

	@Test
	void theCertificateVerificationPageChecksTheSealOfTheRecognition() throws Exception {
		Recognitions.Recognized rec = recognize("签章认定空间");
		Recognition stored = this.records.find(rec.id()).orElseThrow();
		this.mvc.perform(get("/verify/" + stored.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签章有效")))
			.andExpect(content().string(not(containsString(TAMPERED))));
		this.mvc.perform(get("/registry/" + stored.number())).andExpect(content().string(containsString("签章有效")));
		this.mvc.perform(get("/api/v1/seals/recognition/" + rec.id())).andExpect(jsonPath("$.seal.valid").value(true));

		// the owner moves the recognition date and raises the level behind the
		// application's back
		this.database.owner()
			.sql("UPDATE recognition SET recognized_on = DATE '2020-01-01', level = 'PROVINCE' WHERE id = :id")
			.param("id", rec.id())
			.update();
		this.mvc.perform(get("/verify/" + stored.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TAMPERED)));
		this.mvc.perform(get("/registry/" + stored.number())).andExpect(content().string(containsString(TAMPERED)));
		this.mvc.perform(get("/api/v1/seals/recognition/" + rec.id()))
			.andExpect(jsonPath("$.seal.valid").value(false))
			.andExpect(jsonPath("$.seal.status").value("INVALID"));
	}

	@Test
	void aRevocationIsSealedAndRecordsLoadedWithoutASealAreSealedInBatches() {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		Recognitions.Recognized rec = recognize("撤销签章空间");
		this.recognitions.revoke(rec.id(), Recognitions.Outcome.REVOKED, "申报材料虚假", "经查，申报材料虚假，撤销认定。", null, bureau);
		assertThat(this.recognitions.seal(rec.id()).valid()).isTrue();
		this.database.owner()
			.sql("UPDATE recognition SET end_reason = '另有原因' WHERE id = :id")
			.param("id", rec.id())
			.update();
		assertThat(this.recognitions.seal(rec.id()).status()).isEqualTo(SealCheck.Status.INVALID);

		Recognitions.Recognized bulk = recognize("批量导入空间");
		this.database.owner()
			.sql("UPDATE recognition SET seal = NULL, seal_key_id = NULL WHERE id = :id")
			.param("id", bulk.id())
			.update();
		assertThat(this.recognitions.seal(bulk.id()).status()).isEqualTo(SealCheck.Status.UNSEALED);
		int sealed = 0;
		for (int n = this.records.sealUnsealed(1); n > 0; n = this.records.sealUnsealed(1)) {
			sealed += n;
		}
		assertThat(sealed).isGreaterThanOrEqualTo(1);
		assertThat(this.recognitions.seal(bulk.id()).valid()).isTrue();
	}

}
