package cn.zhongchuang.application;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.reference.CreditCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Operators with an organisation, and applications with their required materials. */
@Component
class ApplicationFixtures {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final AtomicInteger counter = new AtomicInteger();

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	private final Applications applications;

	private final ApplicationRecords records;

	ApplicationFixtures(TestAccounts accounts, JdbcClient jdbc, Applications applications, ApplicationRecords records) {
		this.records = records;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.applications = applications;
	}

	/** An operator account with a freshly registered organisation in the region. */
	TestAccounts.Account operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		int n = counter.incrementAndGet();
		String code = CreditCodes.generate("9", "1", region,
				String.format("%08d", (System.nanoTime() / 1000 + n) % 100_000_000L));
		long id = this.jdbc.sql("""
				INSERT INTO operator_organisation (name, credit_code, region_code, legal_representative, contact_phone,
				  address, established_on, independent_legal_entity, management_and_finance_rules, lead_entity,
				  employer_name, created_at)
				VALUES (:name, :code, :region, '张三', '010-12345678', '测试路 1 号', :est, true, true, 'NONE', '测试集团', :now)
				RETURNING id
				""")
			.param("name", "测试运营机构" + n)
			.param("code", code)
			.param("region", region)
			.param("est", LocalDate.of(2018, 1, 1))
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO operator_member (user_id, operator_id, joined_at) VALUES (:u, :o, :now)")
			.param("u", account.id())
			.param("o", id)
			.param("now", OffsetDateTime.now())
			.update();
		return account;
	}

	CurrentUser user(Role role, String region) {
		return this.accounts.create(role, region).principal();
	}

	/** A draft with every required material uploaded. */
	Application readyDraft(CurrentUser operator, String policyId, String region) {
		Application app = this.applications.create(operator, policyId, "测试众创空间" + counter.incrementAndGet(), region,
				null);
		PolicyPackMaterials.required(this.applications.packOf(app).definition())
			.forEach((m) -> this.applications.upload(app.id(), m.code(), m.code() + ".pdf",
					new ByteArrayInputStream(PDF), PDF.length, operator));
		return app;
	}

	/** The application as stored now. */
	Application load(long id) {
		return this.records.findById(id).orElseThrow();
	}

	/** The required materials of a pack. */
	static final class PolicyPackMaterials {

		static List<PackDefinition.Material> required(PackDefinition definition) {
			return definition.materials().stream().filter(PackDefinition.Material::required).toList();
		}

	}

}
