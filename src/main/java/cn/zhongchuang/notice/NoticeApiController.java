package cn.zhongchuang.notice;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.platform.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public notices (published and closed) for anyone, as JSON. */
@RestController
@Tag(name = "notices", description = "认定前公示")
class NoticeApiController {

	private final Notices notices;

	NoticeApiController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "Published and closed notices, newest first, with the institutions listed")
	List<PublicNotice> list() {
		return this.notices.publicNotices().stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/notices/{id}")
	@Operation(summary = "One public notice; 404 for an unknown one or a draft")
	PublicNotice get(@PathVariable long id) {
		return view(this.notices.publicNotice(id));
	}

	private PublicNotice view(Notice n) {
		return new PublicNotice(n.id(), n.title(), n.policyId(), n.startsOn(), n.endsOn(), n.workingDays(),
				n.status().name(), this.notices.sealCheck(n.id()).json(),
				n.items()
					.stream()
					.map(Notice.Item::item)
					.map((i) -> new Item(i.institutionName(), i.operatorName(), i.creditCode(), i.kind(),
							i.specialization(), i.level(), i.regionCode()))
					.toList(),
				(n.withdrawnAt() != null) ? n.withdrawnAt().atZone(ChinaTime.ZONE).toLocalDate() : null,
				n.withdrawalReason());
	}

	/**
	 * A notice as the public sees it; {@code withdrawnOn} (ISO date) and
	 * {@code withdrawalReason} (撤回原因) are set for a withdrawn one, null otherwise;
	 * {@code seal} is the check of its HMAC-SM3 seal as stored now.
	 */
	record PublicNotice(long id, String title, String policy, LocalDate startsOn, LocalDate endsOn, int workingDays,
			String status, SealCheck.Json seal, List<Item> items, LocalDate withdrawnOn, String withdrawalReason) {
	}

	record Item(String name, String operator, String creditCode, String kind, String specialization, String level,
			String region) {
	}

}
