package cn.zhongchuang.notice;

import cn.zhongchuang.audit.SealCheck;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A notice as the pages show it: items with their region name and objection state,
 * objections with the contact number masked.
 */
record NoticeView(long id, String policyId, String policyTitle, String regionCode, String regionName, String title,
		String issuingAuthority, String status, int workingDays, LocalDate startsOn, LocalDate endsOn,
		String calendarWarning, LocalDate publishedOn, boolean open, int version, List<ItemView> items,
		List<ObjectionView> objections, long openObjections, LocalDate withdrawnOn, String withdrawalReason,
		SealCheck seal) {

	record ItemView(long id, String subjectType, long subjectId, String institutionName, String operatorName,
			String creditCode, String kind, String specialization, String level, String regionCode, String regionName,
			boolean upheld) {
	}

	record ObjectionView(long id, long itemId, String institutionName, String name, String maskedPhone, String content,
			java.time.Instant lodgedAt, String status, String outcome, String investigation, String answer,
			String answeredBy, java.time.Instant answeredAt, int version) {
	}

	static NoticeView of(Notice n, String policyTitle, Function<String, String> regionName, List<Objection> objections,
			LocalDate today, SealCheck seal) {
		Map<Long, String> names = n.items()
			.stream()
			.collect(Collectors.toMap(Notice.Item::id, (i) -> i.item().institutionName()));
		java.util.Set<Long> upheld = objections.stream()
			.filter((o) -> o.outcome() == Objection.Outcome.UPHELD)
			.map(Objection::itemId)
			.collect(Collectors.toSet());
		List<ItemView> items = n.items()
			.stream()
			.map((i) -> new ItemView(i.id(), i.item().subjectType(), i.item().subjectId(), i.item().institutionName(),
					i.item().operatorName(), i.item().creditCode(), i.item().kind(), i.item().specialization(),
					i.item().level(), i.item().regionCode(), regionName.apply(i.item().regionCode()),
					upheld.contains(i.id())))
			.toList();
		List<ObjectionView> views = objections.stream()
			.map((o) -> new ObjectionView(o.id(), o.itemId(), names.get(o.itemId()), o.name(), o.maskedPhone(),
					o.content(), o.lodgedAt(), o.status().name(), (o.outcome() != null) ? o.outcome().name() : null,
					o.investigation(), o.answer(), o.answeredBy(), o.answeredAt(), o.version()))
			.toList();
		LocalDate publishedOn = (n.publishedAt() != null)
				? n.publishedAt().atZone(cn.zhongchuang.platform.ChinaTime.ZONE).toLocalDate() : null;
		return new NoticeView(n.id(), n.policyId(), policyTitle, n.regionCode(), regionName.apply(n.regionCode()),
				n.title(), n.issuingAuthority(), n.status().name(), n.workingDays(), n.startsOn(), n.endsOn(),
				n.calendarWarning(), publishedOn, n.openOn(today), n.version(), items, views,
				objections.stream().filter((o) -> o.status() == Objection.Status.OPEN).count(),
				(n.withdrawnAt() != null) ? n.withdrawnAt().atZone(cn.zhongchuang.platform.ChinaTime.ZONE).toLocalDate()
						: null,
				n.withdrawalReason(), seal);
	}

}
