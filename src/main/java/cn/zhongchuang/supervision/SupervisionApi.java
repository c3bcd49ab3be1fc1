package cn.zhongchuang.supervision;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/rectification-orders} and {@code /api/v1/condition-changes}: 动态管理 as the
 * pages show it. Bureau users see their region, operators their own organisation's orders
 * and reports; anything else answers 404.
 */
@RestController
@Tag(name = "supervision", description = "动态管理")
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SupervisionApi {

	private final Supervision supervision;

	SupervisionApi(Supervision supervision) {
		this.supervision = supervision;
	}

	@GetMapping("/api/v1/rectification-orders")
	@Operation(summary = "Rectification orders in scope; status OPEN, ANSWERED, ACCEPTED, REJECTED or OVERDUE; "
			+ "q matches institution, operator or recognition number")
	PageResult<OrderJson> orders(@RequestParam(required = false) RectificationOrder.Status status,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		return this.supervision.orders(user, region, (status != null) ? status.name() : null, q, page, size)
			.map(OrderJson::of);
	}

	@GetMapping("/api/v1/rectification-orders/{id}")
	@Operation(summary = "One rectification order with the answer and the decision; 404 outside scope")
	OrderJson order(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return OrderJson.of(this.supervision.visible(id, user));
	}

	@GetMapping("/api/v1/condition-changes")
	@Operation(summary = "Condition-change reports in scope, the latest first (at most 200); late true = reported "
			+ "after the pack's limit")
	PageResult<ChangeJson> changes(@RequestParam(required = false) Boolean late,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return PageResult
			.slice(this.supervision.changes(user, region, Boolean.TRUE.equals(late))
				.stream()
				.filter((c) -> late == null || c.late() == late)
				.toList(), page, size)
			.map(ChangeJson::of);
	}

	record OrderJson(long id, long recognitionId, String recognitionNumber, String institutionName, String operatorName,
			String creditCode, String regionCode, String policyId, String reason, LocalDate issuedOn,
			LocalDate deadline, String status, String statusLabel, String answer, Instant answeredAt,
			String decisionNote, Instant decidedAt, boolean lapsed, int version, Long assessmentRoundId) {

		static OrderJson of(RectificationOrder o) {
			return new OrderJson(o.id, o.recognitionId, o.recognitionNumber, o.institutionName, o.operatorName,
					o.creditCode, o.regionCode, o.policyId, o.reason, o.issuedOn, o.deadline, o.status.name(),
					o.label(), o.answer, o.answeredAt, o.decisionNote, o.decidedAt, o.lapsed, o.version,
					o.assessmentRoundId);
		}

	}

	record ChangeJson(long id, long recognitionId, String recognitionNumber, String institutionName, String creditCode,
			String regionCode, String policyId, String kind, LocalDate occurredOn, LocalDate reportedOn,
			String description, Integer limitMonths, boolean late) {

		static ChangeJson of(ConditionChange c) {
			return new ChangeJson(c.id(), c.recognitionId(), c.recognitionNumber(), c.institutionName(), c.creditCode(),
					c.regionCode(), c.policyId(), c.kind().name(), c.occurredOn(), c.reportedOn(), c.description(),
					c.limitMonths(), c.late());
		}

	}

}
