package cn.zhongchuang.notice;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.Seals;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Keyring;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HMAC-SM3 seals on published notices: sealed on publication, checked on the public and
 * the bureau page and in the APIs; a notice changed in the database by the owner (a
 * second connection, behind the application's back) fails the check; a seal made under a
 * key that has since been retired still verifies.
 */
@IntegrationTest
class NoticeSealTests {

	static final String VALID = "签章有效";

	static final String TAMPERED = "签章校验失败（记录可能被篡改）";

	@Autowired
	Notices notices;

	@Autowired
	NoticeRecords records;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestDatabase database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Value("${zhongchuang.seal.hmac-key}")
	String sealKey;

	long published(CurrentUser bureau, String name) {
		long id = this.notices.draft("lanzhou-2018", "620100", name + "拟认定名单公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, name, "620102")), bureau);
		this.notices.publish(id, this.notices.today(), bureau);
		return id;
	}

	@Test
	void aPublishedNoticeIsSealedAndTheSealIsCheckedOnThePagesAndTheApis() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long draft = this.notices.draft("lanzhou-2018", "620100", "未发布的公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, "草稿空间", "620102")), bureau);
		assertThat(stored(draft).get("seal")).as("a draft is not sealed").isNull();
		long id = published(bureau, "签章空间");
		Map<String, Object> row = stored(id);
		assertThat((String) row.get("seal")).matches("[0-9a-f]{64}");
		assertThat(row.get("seal_key_id")).isEqualTo(1);

		this.mvc.perform(get("/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(VALID)))
			.andExpect(content().string(not(containsString(TAMPERED))));
		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(VALID)));
		this.mvc.perform(get("/api/v1/notices/" + id))
			.andExpect(jsonPath("$.seal.valid").value(true))
			.andExpect(jsonPath("$.seal.status").value("VALID"))
			.andExpect(jsonPath("$.seal.keyId").value(1));
		this.mvc.perform(get("/api/v1/seals/notice/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seal.valid").value(true));
		// a draft is not public: no seal to check
		this.mvc.perform(get("/api/v1/seals/notice/" + draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/seals/nothing/" + id)).andExpect(status().isNotFound());
	}

	@Test
	void aNoticeChangedInTheDatabaseFailsItsSealOnThePagesAndTheApis() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = published(bureau, "篡改空间");
		long other = published(bureau, "未篡改空间");
		// the owner, on a connection of its own, shortens the period and renames the list
		this.database.owner()
			.sql("UPDATE notice SET ends_on = starts_on, title = '已被改动的公示' WHERE id = :id")
			.param("id", id)
			.update();

		this.mvc.perform(get("/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TAMPERED)))
			.andExpect(content().string(not(containsString(VALID))));
		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(content().string(containsString(TAMPERED)));
		this.mvc.perform(get("/api/v1/notices/" + id))
			.andExpect(jsonPath("$.seal.valid").value(false))
			.andExpect(jsonPath("$.seal.status").value("INVALID"));
		this.mvc.perform(get("/api/v1/seals/notice/" + id))
			.andExpect(jsonPath("$.seal.valid").value(false))
			.andExpect(jsonPath("$.seal.text").value(TAMPERED));
		this.mvc.perform(get("/notices/" + other)).andExpect(content().string(containsString(VALID)));

		// an institution of the list changed is caught as well
		this.database.owner()
			.sql("UPDATE notice_item SET credit_code = '91620100MA7000000X' WHERE notice_id = :id")
			.param("id", other)
			.update();
		this.mvc.perform(get("/api/v1/seals/notice/" + other)).andExpect(jsonPath("$.seal.valid").value(false));
	}

	@Test
	void aWithdrawnNoticeIsSealedWithItsReason() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = published(bureau, "撤回签章空间");
		this.notices.withdraw(id, "名单有误，重新公示", bureau);
		this.mvc.perform(get("/notices/" + id)).andExpect(content().string(containsString(VALID)));
		this.database.owner()
			.sql("UPDATE notice SET withdrawal_reason = '另有安排' WHERE id = :id")
			.param("id", id)
			.update();
		this.mvc.perform(get("/notices/" + id)).andExpect(content().string(containsString(TAMPERED)));
	}

	@Test
	void aSealMadeUnderARetiredKeyStillVerifiesAfterTheKeyRotates() {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = published(bureau, "轮换签章空间");
		byte[] oldKey = Base64.getDecoder().decode(this.sealKey);
		byte[] newKey = "another-seal-key-of-32-bytes-xyz".getBytes();
		Seals rotated = new Seals(new Keyring(2, Map.of(1, oldKey, 2, newKey)));

		SealCheck before = this.records.sealCheck(id, rotated).orElseThrow();
		assertThat(before.valid()).isTrue();
		assertThat(before.keyId()).isEqualTo(1);

		// sealed again after the rotation: under key 2, which the old keyring lacks
		assertThat(this.records.seal(id, false, rotated)).isTrue();
		assertThat(stored(id).get("seal_key_id")).isEqualTo(2);
		assertThat(this.records.sealCheck(id, rotated).orElseThrow().valid()).isTrue();
		Seals withoutTheNewKey = new Seals(Keyring.single(oldKey));
		assertThat(this.records.sealCheck(id, withoutTheNewKey).orElseThrow().status())
			.isEqualTo(SealCheck.Status.UNKNOWN_KEY);
		// the old key removed: a seal under it can no longer be checked, not "valid"
		Seals onlyNew = new Seals(new Keyring(2, Map.of(2, newKey)));
		assertThat(this.records.sealCheck(id, onlyNew).orElseThrow().valid()).isTrue();
		// tampering is caught under the rotated keyring too
		this.database.owner().sql("UPDATE notice SET title = 'x' WHERE id = :id").param("id", id).update();
		assertThat(this.records.sealCheck(id, rotated).orElseThrow().status()).isEqualTo(SealCheck.Status.INVALID);
		// put back as the context's keyring sealed it, for the pages
		this.database.owner().sql("UPDATE notice SET title = '轮换签章空间拟认定名单公示' WHERE id = :id").param("id", id).update();
		this.records.seal(id, false);
	}

	private Map<String, Object> stored(long id) {
		return this.jdbc.sql("SELECT seal, seal_key_id FROM notice WHERE id = :id").param("id", id).query().singleRow();
	}

}
