package cn.zhongchuang.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator adds pack versions as data: a new version takes effect on its date and
 * only after its examples pass; the version in force on a date is the one that judges.
 */
@IntegrationTest
class PolicyAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	PolicyCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewVersionIsUploadedAsDraftActivatedAndJudgesFromItsEffectiveDate() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		String revised = chaoyang().replace("version: \"2017-11-21\"", "version: \"2030-01-01\"")
			.replace("effectiveFrom: \"2017-11-21\"", "effectiveFrom: \"2030-01-01\"")
			.replace("title: 朝阳区众创空间认定管理办法", "title: 朝阳区众创空间认定管理办法（2030 修订）");

		upload(admin, revised).andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("toast", containsString("示例全部通过")));
		assertThat(this.catalog.inForce("beijing-chaoyang-2017", LocalDate.of(2030, 6, 1)).version())
			.as("a draft judges nothing")
			.isEqualTo("2017-11-21");

		this.mvc
			.perform(post("/admin/policies/beijing-chaoyang-2017/2030-01-01/activate").with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/policies"));

		assertThat(this.catalog.inForce("beijing-chaoyang-2017", LocalDate.of(2030, 6, 1)).version())
			.isEqualTo("2030-01-01");
		assertThat(this.catalog.inForce("beijing-chaoyang-2017", LocalDate.of(2029, 12, 31)).version())
			.isEqualTo("2017-11-21");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('POLICY_UPLOAD', 'POLICY_ACTIVATE')")
					.query(Long.class)
					.single())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void aVersionWhoseExamplesFailCannotBeActivated() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		// Raise the area threshold without updating the examples: the boundary example
		// now fails.
		String wrong = chaoyang().replace("version: \"2017-11-21\"", "version: \"2031-01-01\"")
			.replace("effectiveFrom: \"2017-11-21\"", "effectiveFrom: \"2031-01-01\"")
			.replace("rule: space.totalAreaM2 >= 500", "rule: space.totalAreaM2 >= 5000");

		upload(admin, wrong).andExpect(flash().attribute("toastError", containsString("示例未全部通过")));
		this.mvc
			.perform(post("/admin/policies/beijing-chaoyang-2017/2031-01-01/activate").with(user(admin.principal()))
				.with(csrf()))
			.andExpect(flash().attribute("toastError", containsString("不能启用")));
		assertThat(this.catalog.inForce("beijing-chaoyang-2017", LocalDate.of(2031, 6, 1)).version())
			.isNotEqualTo("2031-01-01");
	}

	@Test
	void aPackWithABrokenRuleIsRefusedNamingTheArticle() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		String broken = chaoyang().replace("version: \"2017-11-21\"", "version: \"2032-01-01\"")
			.replace("rule: space.totalAreaM2 >= 500", "rule: space.totalAreaM2 >= (500");

		upload(admin, broken).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("5.2")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM policy_pack_version WHERE version = '2032-01-01'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNewJurisdictionIsAddedWithoutACodeChange() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		// Nanjing's Gulou district with Chaoyang's rules: every region code moves,
		// examples included.
		String jiangsu = chaoyang().replace("id: beijing-chaoyang-2017", "id: jiangsu-test-2026")
			.replace("title: 朝阳区众创空间认定管理办法", "title: 测试用南京市鼓楼区众创空间办法")
			.replace("110105", "320106")
			.replace("version: \"2017-11-21\"", "version: \"2026-01-01\"")
			.replace("effectiveFrom: \"2017-11-21\"", "effectiveFrom: \"2026-01-01\"");

		upload(admin, jiangsu);
		this.mvc.perform(post("/admin/policies/jiangsu-test-2026/2026-01-01/activate").with(user(admin.principal()))
			.with(csrf()));

		assertThat(this.catalog.latest("jiangsu-test-2026").jurisdiction()).isEqualTo("320106");
	}

	@Test
	void onlyAdministratorsManagePacks() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "110105");

		this.mvc
			.perform(
					multipart("/admin/policies")
						.file(new MockMultipartFile("file", "p.yaml", "application/yaml",
								chaoyang().getBytes(StandardCharsets.UTF_8)))
						.with(user(bureau.principal()))
						.with(csrf()))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions upload(TestAccounts.Account admin, String yaml)
			throws Exception {
		return this.mvc.perform(multipart("/admin/policies")
			.file(new MockMultipartFile("file", "pack.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)))
			.with(user(admin.principal()))
			.with(csrf()));
	}

	static String chaoyang() throws IOException {
		return new ClassPathResource("policy/packs/beijing-chaoyang-2017.yaml")
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
