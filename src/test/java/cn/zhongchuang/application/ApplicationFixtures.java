package cn.zhongchuang.application;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;

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

	private final TestOrganisations organisations;

	ApplicationFixtures(TestAccounts accounts, JdbcClient jdbc, Applications applications, ApplicationRecords records,
			TestOrganisations organisations) {
		this.organisations = organisations;
		this.records = records;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.applications = applications;
	}

	/** An operator account with a freshly registered organisation in the region. */
	TestAccounts.Account operator(String region) {
		return this.organisations.register(region, "测试运营机构").account();
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
