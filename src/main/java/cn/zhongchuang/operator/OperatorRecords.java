package cn.zhongchuang.operator;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.zhongchuang.operator.OperatorRecord.Placement;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListPage;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does with the records of their organisation, the same for every kind.
 * The organisation is always the caller's own (resolved by {@link OrganisationRegistry});
 * a record of another organisation, or under another parent, is “not found”. Every change
 * writes the audit trail in the same transaction.
 */
@Service
class OperatorRecords {

	private final RecordTable table;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	private final ObjectProvider<InstitutionDirectory> directory;

	OperatorRecords(RecordTable table, Regions regions, AuditTrail audit, Clock clock,
			ObjectProvider<InstitutionDirectory> directory) {
		this.table = table;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
		this.directory = directory;
	}

	/**
	 * One page of the kind's list with the institutions each record serves: optionally
	 * under one parent record, serving one institution, matching a keyword; sorted and
	 * filtered by date as {@code params} ask.
	 */
	@Transactional(readOnly = true)
	<F extends Record & RecordData> ListPage<OperatorRecord<F>> list(RecordKind<F> kind, Organisation org,
			Long parentId, Long institutionId, String keyword, ListParams params) {
		ListPage<OperatorRecord<F>> page = listing(kind, org, parentId, institutionId, keyword).page(params);
		PageResult<OperatorRecord<F>> found = page.results();
		return new ListPage<>(new PageResult<>(this.table.withAssignments(kind, found.items()), found.total(),
				found.page(), found.size()), page.state());
	}

	/**
	 * The same list, every row with the institutions it serves, for 导出 Excel.
	 */
	@Transactional(readOnly = true)
	<F extends Record & RecordData> ListQuery<OperatorRecord<F>> export(RecordKind<F> kind, Organisation org,
			Long parentId, Long institutionId, String keyword) {
		Map<Long, Set<Long>> assigned = this.table.assignments(kind, org.id());
		return listing(kind, org, parentId, institutionId, keyword)
			.map((r) -> kind.perInstitution() ? r : new OperatorRecord<>(r.id(), r.operatorId(), r.parentId(), r.data(),
					Placement.assigned(assigned.getOrDefault(r.id(), Set.of())), r.version()));
	}

	private <F extends Record & RecordData> ListQuery<OperatorRecord<F>> listing(RecordKind<F> kind, Organisation org,
			Long parentId, Long institutionId, String keyword) {
		if (kind.parent() != null) {
			get(kind.parent(), org, parentId, null);
		}
		return this.table.list(kind, org.id(), parentId, institutionId, keyword);
	}

	/** The institutions the organisation runs, for the record forms and filters. */
	@Transactional(readOnly = true)
	List<InstitutionDirectory.Entry> institutions(Organisation org) {
		InstitutionDirectory d = this.directory.getIfAvailable();
		return (d != null) ? d.institutionsOf(org.id()) : List.of();
	}

	/**
	 * Where a record is to serve, checked against the organisation's institutions: a kind
	 * that belongs to one institution needs exactly one (the only one when the operator
	 * runs one), the operator's own records any number of them.
	 */
	Placement placement(RecordKind<?> kind, Organisation org, Long institutionId, Collection<Long> assignedTo) {
		List<InstitutionDirectory.Entry> mine = institutions(org);
		Set<Long> ids = mine.stream().map(InstitutionDirectory.Entry::id).collect(Collectors.toSet());
		if (kind.perInstitution()) {
			if (institutionId == null && mine.size() == 1) {
				return Placement.in(mine.get(0).id());
			}
			if (mine.isEmpty()) {
				throw new FieldErrorException("institutionId", "请先在“孵化载体”中登记载体，再录入" + kind.label());
			}
			if (institutionId == null || !ids.contains(institutionId)) {
				throw new FieldErrorException("institutionId", "请选择所属载体");
			}
			return Placement.in(institutionId);
		}
		Set<Long> assigned = new TreeSet<>((assignedTo != null) ? assignedTo : List.of());
		if (!ids.containsAll(assigned)) {
			throw new FieldErrorException("institutionIds", "只能分配到本机构运营的载体");
		}
		if (assignedTo == null && mine.size() == 1) {
			assigned.add(mine.get(0).id());
		}
		return Placement.assigned(assigned);
	}

	/**
	 * A record of the organisation, under {@code parentId} when the kind hangs under one.
	 */
	@Transactional(readOnly = true)
	<F extends Record & RecordData> OperatorRecord<F> get(RecordKind<F> kind, Organisation org, Long id,
			Long parentId) {
		if (id == null) {
			throw new NotFoundException(kind.table());
		}
		return this.table.find(kind, org.id(), id)
			.filter((r) -> kind.parent() == null || parentId == null || parentId.equals(r.parentId()))
			.orElseThrow(() -> new NotFoundException(kind.table() + " " + id));
	}

	/** How many records of each kind the organisation keeps, or serve one institution. */
	@Transactional(readOnly = true)
	Map<RecordKind<?>, Long> counts(Organisation org, Long institutionId) {
		Map<RecordKind<?>, Long> counts = new LinkedHashMap<>();
		RecordKind.ALL.forEach((kind) -> counts.put(kind, this.table.count(kind, org.id(), institutionId)));
		return counts;
	}

	@Transactional(readOnly = true)
	Map<Long, Long> childCounts(RecordKind<?> kind, Organisation org) {
		return (kind.child() != null) ? this.table.childCounts(kind.child(), org.id()) : Map.of();
	}

	/**
	 * Creates a record where it serves by default: the only institution of an operator
	 * that runs one.
	 */
	@Transactional
	<F extends Record & RecordData> OperatorRecord<F> create(RecordKind<F> kind, Organisation org, Long parentId,
			F data) {
		return create(kind, org, parentId, data, placement(kind, org, null, null));
	}

	@Transactional
	<F extends Record & RecordData> OperatorRecord<F> create(RecordKind<F> kind, Organisation org, Long parentId,
			F data, Placement placement) {
		if (kind.parent() != null) {
			get(kind.parent(), org, parentId, null);
		}
		OperatorRecord<F> saved = store(kind, OperatorRecord.create(org.id(), parentId, data, placement, this.regions));
		this.audit.record(AuditEntry.success("OPERATOR_RECORD_CREATE", kind.table(), saved.id(),
				"新增" + kind.label() + "：" + saved.data().title() + "（" + org.name() + "）", org.regionCode()));
		return saved;
	}

	@Transactional
	<F extends Record & RecordData> OperatorRecord<F> update(RecordKind<F> kind, Organisation org, Long parentId,
			long id, int version, F data, Placement placement) {
		OperatorRecord<F> record = versioned(get(kind, org, id, parentId), version);
		String before = record.data().title();
		record.revise(data, placement, this.regions);
		OperatorRecord<F> saved = store(kind, record);
		this.audit.record(AuditEntry.success("OPERATOR_RECORD_UPDATE", kind.table(), id,
				"修改" + kind.label() + "：" + before + " → " + saved.data().title() + "（" + org.name() + "）",
				org.regionCode()));
		return saved;
	}

	/** Deletes a record; one that still has counselling records or investments stays. */
	@Transactional
	<F extends Record & RecordData> void delete(RecordKind<F> kind, Organisation org, Long parentId, long id,
			int version) {
		OperatorRecord<F> record = versioned(get(kind, org, id, parentId), version);
		RecordKind<?> child = kind.child();
		if (child != null && this.table.childCounts(child, org.id()).getOrDefault(id, 0L) > 0) {
			throw new ConflictException("该" + kind.label() + "下还有" + child.label() + "记录，请先删除这些记录");
		}
		this.table.delete(kind, record);
		this.audit.record(AuditEntry.success("OPERATOR_RECORD_DELETE", kind.table(), id,
				"删除" + kind.label() + "：" + record.data().title() + "（" + org.name() + "）", org.regionCode()));
	}

	private <F extends Record & RecordData> OperatorRecord<F> store(RecordKind<F> kind, OperatorRecord<F> record) {
		try {
			return this.table.save(kind, record, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			String[] error = record.data().duplicateError();
			throw new FieldErrorException(error[0], error[1]);
		}
	}

	private static <R extends OperatorRecord<?>> R versioned(R record, int expected) {
		if (record.version() != expected) {
			throw new OptimisticLockingFailureException("stale record " + record.id());
		}
		return record;
	}

}
