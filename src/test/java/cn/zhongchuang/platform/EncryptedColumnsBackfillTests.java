package cn.zhongchuang.platform;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.operator.TestOrganisations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Plaintext phones left from before encryption (here written by plain SQL) are read as
 * they are and encrypted once by the start-up backfill; a second run changes nothing.
 */
@IntegrationTest
class EncryptedColumnsBackfillTests {

	@Autowired
	EncryptedColumnsBackfill backfill;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyPhoneColumnIsRegistered() {
		assertThat(this.backfill.columns()).contains(new EncryptedColumn("user_account", "phone"),
				new EncryptedColumn("operator_organisation", "contact_phone"), new EncryptedColumn("expert", "phone"),
				new EncryptedColumn("notice_objection", "phone"));
	}

	@Test
	void plaintextFromBeforeIsReadAndThenEncryptedOnce() throws Exception {
		// the fixture writes 010-12345678 with plain SQL, as a database from before would
		// hold it
		var org = this.organisations.register("110105", "明文电话空间");
		assertThat(phone(org.id())).isEqualTo("010-12345678");
		this.mvc.perform(get("/api/v1/operators/" + org.id()).with(user(org.account().principal())))
			.andExpect(jsonPath("$.contactPhone").value("010-12345678"));

		EncryptedColumn column = new EncryptedColumn("operator_organisation", "contact_phone");
		assertThat(this.backfill.encrypt(column)).isPositive();
		String stored = phone(org.id());
		assertThat(stored).startsWith("sm4g1:").doesNotContain("12345678");
		assertThat(this.cipher.decrypt(stored)).isEqualTo("010-12345678");
		this.mvc.perform(get("/api/v1/operators/" + org.id()).with(user(org.account().principal())))
			.andExpect(jsonPath("$.contactPhone").value("010-12345678"));

		this.backfill.encrypt(column);
		assertThat(phone(org.id())).as("idempotent: an encrypted value is left alone").isEqualTo(stored);
	}

	private String phone(long id) {
		return this.jdbc.sql("SELECT contact_phone FROM operator_organisation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
