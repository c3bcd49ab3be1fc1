package cn.zhongchuang.operator;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.NotFoundException;

/**
 * One kind of record an operator keeps: its table, its fields (the components of its
 * {@link RecordData} record), whether it belongs to one institution or is the operator's
 * and assigned to institutions, where it hangs (top level, or under a mentor or a fund),
 * and what a list shows. Keys are the URL segments ({@code /operator/mentors}) and the
 * prefix of the kind's messages ({@code operator.mentors.name}).
 */
final class RecordKind<F extends Record & RecordData> {

	static final RecordKind<Premises> PREMISES = new RecordKind<>("premises", "operator_premises", Premises.class, "场地",
			true, null, null, "operating_since, id", List.of("address", "tenure", "totalAreaM2",
					"officeAndPublicServiceAreaM2", "independentWorkstations", "leaseEnd", "operatingSince"),
			Set.of());

	static final RecordKind<StaffMember> STAFF = new RecordKind<>("staff", "operator_staff", StaffMember.class, "人员",
			false, null, null, "employed_since, id",
			List.of("name", "role", "collegeDegree", "masters", "founder", "employedSince", "employedUntil"), Set.of());

	static final RecordKind<Mentor> MENTORS = new RecordKind<>("mentors", "operator_mentor", Mentor.class, "创业导师",
			false, null, null, "contract_start, id",
			List.of("name", "employer", "field", "industryMentor", "contractStart", "contractEnd"), Set.of());

	static final RecordKind<Counselling> COUNSELLING = new RecordKind<>("counselling", "operator_counselling",
			Counselling.class, "辅导档案", true, MENTORS, "mentor_id", "held_on DESC, id DESC",
			List.of("heldOn", "tenantName", "topic", "hours"), Set.of("summary"));

	static final RecordKind<Event> EVENTS = new RecordKind<>("events", "operator_event", Event.class, "活动", true, null,
			null, "held_on DESC, id DESC",
			List.of("heldOn", "title", "type", "participants", "professional", "mediaLinks"), Set.of("mediaLinks"));

	static final RecordKind<Fund> FUNDS = new RecordKind<>("funds", "operator_fund", Fund.class, "基金", false, null,
			null, "established_on, id", List.of("name", "role", "kind", "amountCny", "establishedOn"), Set.of());

	static final RecordKind<Investment> INVESTMENTS = new RecordKind<>("investments", "operator_investment",
			Investment.class, "基金投资", true, FUNDS, "fund_id", "invested_on DESC, id DESC",
			List.of("investedOn", "tenantName", "amountCny"), Set.of());

	static final RecordKind<Agreement> AGREEMENTS = new RecordKind<>("agreements", "operator_agreement",
			Agreement.class, "服务协议", false, null, null, "signed_on DESC, id DESC",
			List.of("kind", "counterparty", "signedOn", "validUntil"), Set.of());

	/** In the order the overview shows them. */
	static final List<RecordKind<?>> ALL = List.of(PREMISES, STAFF, MENTORS, COUNSELLING, EVENTS, FUNDS, INVESTMENTS,
			AGREEMENTS);

	private final String key;

	private final String table;

	private final Class<F> type;

	private final String label;

	private final boolean perInstitution;

	private final RecordKind<?> parent;

	private final String parentColumn;

	private final String orderBy;

	private final List<String> listed;

	private final Set<String> longText;

	private final ListSpec listSpec;

	private RecordKind(String key, String table, Class<F> type, String label, boolean perInstitution,
			RecordKind<?> parent, String parentColumn, String orderBy, List<String> listed, Set<String> longText) {
		this.key = key;
		this.table = table;
		this.type = type;
		this.label = label;
		this.perInstitution = perInstitution;
		this.parent = parent;
		this.parentColumn = parentColumn;
		this.orderBy = orderBy;
		this.listed = listed;
		this.longText = longText;
		this.listSpec = spec();
	}

	/** The kind for a URL segment; an unknown one is “not found”. */
	static RecordKind<?> of(String key) {
		return ALL.stream()
			.filter((k) -> k.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("record kind " + key));
	}

	/** The kind kept under records of this one (counselling under mentors), if any. */
	RecordKind<?> child() {
		return ALL.stream().filter((k) -> k.parent == this).findFirst().orElse(null);
	}

	List<RecordComponent> fields() {
		return Arrays.asList(this.type.getRecordComponents());
	}

	static String column(String field) {
		return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
	}

	String key() {
		return this.key;
	}

	String table() {
		return this.table;
	}

	Class<F> type() {
		return this.type;
	}

	String label() {
		return this.label;
	}

	/**
	 * Whether a record of this kind belongs to one institution (premises, events,
	 * counselling, investments) or is the operator's own and assigned to any of its
	 * institutions (staff, mentors, funds, agreements).
	 */
	boolean perInstitution() {
		return this.perInstitution;
	}

	RecordKind<?> parent() {
		return this.parent;
	}

	String parentColumn() {
		return this.parentColumn;
	}

	String orderBy() {
		return this.orderBy;
	}

	List<String> listed() {
		return this.listed;
	}

	/**
	 * How the kind's list sorts: by any listed column but long text and links, by default
	 * as {@link #orderBy()} (its first column, a date, is also the one the date range
	 * filters).
	 */
	ListSpec listSpec() {
		return this.listSpec;
	}

	private ListSpec spec() {
		ListSpec.Builder spec = ListSpec.builder();
		for (String field : this.listed) {
			if (!isLongText(field)) {
				spec.sort(field, column(field));
			}
		}
		String[] first = this.orderBy.split(",")[0].strip().split("\\s+");
		String defaultColumn = first[0];
		String defaultKey = this.listed.stream()
			.filter((f) -> column(f).equals(defaultColumn))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(this.key + " lists no " + defaultColumn));
		return spec.defaultSort(defaultKey, !(first.length > 1 && first[1].equalsIgnoreCase("DESC")))
			.dates(defaultColumn)
			.build();
	}

	boolean isLongText(String field) {
		return this.longText.contains(field);
	}

	@Override
	public String toString() {
		return this.key;
	}

}
