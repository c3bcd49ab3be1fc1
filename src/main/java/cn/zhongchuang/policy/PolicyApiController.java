package cn.zhongchuang.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public policy-engine contract (policy-api.md): packs, space and tenant eligibility,
 * tenant exit status. No sign-in; bad input answers 400 naming the field, an unknown
 * policy 404.
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "policies", description = "政策引擎：认定条件自查、在孵企业条件、退出状态")
class PolicyApiController {

	private final PolicyCatalog catalog;

	private final Clock clock;

	PolicyApiController(PolicyCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Policy packs in force (newest version of each)")
	List<PolicyPack.Summary> list() {
		return this.catalog.all().stream().map(PolicyPack::summary).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One pack: its criteria with article, title and kind")
	PackView get(@PathVariable String id) {
		PolicyPack pack = this.catalog.latest(id);
		PolicyPack.Summary s = pack.summary();
		return new PackView(s.id(), s.title(), s.jurisdiction(), s.version(), s.effectiveFrom(), pack.criteria(),
				pack.definition());
	}

	@PostMapping("/{id}/space-eligibility")
	@Operation(summary = "Judge a space's facts against the pack in force on asOf")
	Verdict spaceEligibility(@PathVariable String id, @RequestBody JsonNode facts) {
		PolicyPack pack = packFor(id, facts);
		return evaluate(() -> pack.evaluateSpace(facts));
	}

	@PostMapping("/{id}/tenant-eligibility")
	@Operation(summary = "Judge a tenant enterprise's facts (Chaoyang Art. 6)")
	Verdict tenantEligibility(@PathVariable String id, @RequestBody JsonNode facts) {
		PolicyPack pack = packFor(id, facts);
		return evaluate(() -> pack.evaluateTenant(facts));
	}

	@PostMapping("/{id}/tenant-exit-status")
	@Operation(summary = "A tenant's exit status from its monthly tax history")
	ExitStatus tenantExitStatus(@PathVariable String id, @RequestBody JsonNode history) {
		PolicyPack pack = packFor(id, history);
		return evaluate(() -> pack.exitStatus(history));
	}

	/** The version in force on the request's {@code asOf} (default: today in Beijing). */
	private PolicyPack packFor(String id, JsonNode body) {
		LocalDate asOf = ChinaTime.today(this.clock);
		if (body != null && body.isObject() && body.has("asOf") && !body.get("asOf").isNull()) {
			try {
				asOf = LocalDate.parse(body.get("asOf").asString());
			}
			catch (RuntimeException ex) {
				throw new FieldErrorException("asOf", "日期无效，应为 YYYY-MM-DD 格式的真实日期");
			}
		}
		if (body == null || !body.isObject()) {
			this.catalog.latest(id);
			throw new FieldErrorException("body", "请求体应为 JSON 对象");
		}
		return this.catalog.inForce(id, asOf);
	}

	static <T> T evaluate(java.util.function.Supplier<T> evaluation) {
		try {
			return evaluation.get();
		}
		catch (InvalidFactsException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
			throw new FieldErrorException(errors);
		}
		catch (NotDefinedByPolicyException ex) {
			throw new NotFoundException(ex.getMessage(), ex.getMessage());
		}
	}

	record PackView(String id, String title, String jurisdiction, String version, LocalDate effectiveFrom,
			List<PolicyPack.CriterionSummary> criteria, PackDefinition definition) {
	}

}
