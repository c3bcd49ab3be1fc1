package cn.zhongchuang.platform;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one list helper on PostgreSQL: sorting only by whitelisted keys, paging bounds, the
 * date range on the list's date column, bad input answered in Chinese at the field, and
 * the export of every filtered row in the page's order.
 */
@IntegrationTest
class ListQueryTests {

	// five rows: id, name, day
	private static final String ROWS = """
			SELECT * FROM (VALUES (1, 'c', DATE '2026-01-05'), (2, 'a', DATE '2026-02-10'),
			  (3, 'b', DATE '2026-03-15'), (4, 'd', NULL), (5, 'a', DATE '2026-03-01')) AS t(id, name, made_on)""";

	private static final ListSpec SPEC = ListSpec.builder()
		.sort("made", "made_on")
		.sort("name", "name")
		.defaultSort("made", false)
		.dates("made_on")
		.build();

	@Autowired
	JdbcClient jdbc;

	private ListQuery<Integer> rows() {
		return ListQuery.of(this.jdbc, SPEC, ROWS, (rs, n) -> rs.getInt("id"));
	}

	private static ListParams params(String sort, String dir, String page, String size, String from, String to) {
		return new ListParams(sort, dir, page, size, from, to);
	}

	@Test
	void sortsByAWhitelistedKeyInEitherDirectionWithTheIdBreakingTies() {
		assertThat(rows().page(params("name", "asc", null, null, null, null)).results().items()).containsExactly(2, 5,
				3, 1, 4);
		assertThat(rows().page(params("name", "desc", null, null, null, null)).results().items()).containsExactly(4, 1,
				3, 5, 2);
		// the default: newest first, a row without a date last
		ListPage<Integer> opened = rows().page(ListParams.none());
		assertThat(opened.results().items()).containsExactly(3, 5, 2, 1, 4);
		assertThat(opened.state().sort()).isEqualTo("made");
		assertThat(opened.state().ascending()).isFalse();
	}

	@Test
	void anUnknownSortKeyOrSqlInTheSortFallsBackToTheDefault() {
		ListPage<Integer> page = rows().page(params("id; DROP TABLE audit_event", "asc", null, null, null, null));
		assertThat(page.state().sort()).isEqualTo("made");
		assertThat(page.results().items()).containsExactly(3, 5, 2, 1, 4);
		assertThat(rows().page(params("made", "sideways", null, null, null, null)).state().ascending()).isFalse();
	}

	@Test
	void pagesAreBoundedAndSizesComeFromTheChooser() {
		ListQuery<Integer> many = ListQuery.of(this.jdbc, SPEC,
				"SELECT g AS id, 'x' AS name, DATE '2026-01-01' + g AS made_on FROM generate_series(1, 25) g",
				(rs, n) -> rs.getInt("id"));
		PageResult<Integer> second = many.page(params("made", "asc", "2", "10", null, null)).results();
		assertThat(second.items()).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
		assertThat(second.total()).isEqualTo(25);
		assertThat(second.totalPages()).isEqualTo(3);

		// beyond the end: the last page; below 1, or not a number: the first
		PageResult<Integer> beyond = many.page(params("made", "asc", "99", "10", null, null)).results();
		assertThat(beyond.page()).isEqualTo(3);
		assertThat(beyond.items()).containsExactly(21, 22, 23, 24, 25);
		assertThat(many.page(params("made", "asc", "-4", "10", null, null)).results().page()).isEqualTo(1);
		assertThat(many.page(params("made", "asc", "二", "10", null, null)).results().page()).isEqualTo(1);
		assertThat(many.page(params("made", "asc", "99999999999999", "10", null, null)).results().page()).isEqualTo(3);
		// sizes the API asks for are kept, up to 200
		assertThat(many.page(params("made", "asc", "3", "7", null, null)).results().items()).containsExactly(15, 16, 17,
				18, 19, 20, 21);

		assertThat(ListParams.size("35")).isEqualTo(35);
		assertThat(ListParams.size("100")).isEqualTo(100);
		assertThat(ListParams.size("100000")).isEqualTo(PageResult.MAX_SIZE);
		assertThat(ListParams.size("0")).isEqualTo(ListParams.DEFAULT_SIZE);
		assertThat(ListParams.size("许多")).isEqualTo(ListParams.DEFAULT_SIZE);
	}

	@Test
	void theDateRangeFiltersTheListsDateColumnBothEndsIncluded() {
		ListPage<Integer> feb = rows().page(params("made", "asc", null, null, "2026-02-10", "2026-03-01"));
		assertThat(feb.results().items()).containsExactly(2, 5);
		assertThat(feb.results().total()).isEqualTo(2);
		assertThat(feb.state().from()).isEqualTo(LocalDate.of(2026, 2, 10));
		assertThat(rows().page(params("made", "asc", null, null, "2026-03-02", null)).results().items())
			.containsExactly(3);
		assertThat(rows().page(params("made", "asc", null, null, null, "2026-01-31")).results().items())
			.containsExactly(1);
	}

	@Test
	void aReversedOrMalformedRangeIsNotAppliedAndSaysWhyInChinese() {
		ListPage<Integer> reversed = rows().page(params("made", "asc", null, null, "2026-03-01", "2026-02-01"));
		assertThat(reversed.results().total()).isEqualTo(5);
		assertThat(reversed.state().errors()).containsEntry("to", "截止日期不能早于起始日期");

		ListPage<Integer> malformed = rows().page(params("made", "asc", null, null, "2026-13-45", null));
		assertThat(malformed.results().total()).isEqualTo(5);
		assertThat(malformed.state().errors()).containsEntry("from", "请选择有效的日期");

		// the API refuses instead, naming the field
		assertThatThrownBy(() -> rows().results(params("made", "asc", null, null, "2026-03-01", "2026-02-01")))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsEntry("to", "截止日期不能早于起始日期"));
	}

	@Test
	void filtersAreBoundParametersAndKeywordsMatchLiterally() {
		assertThat(rows().keyword("a", "name LIKE :kw").page(ListParams.none()).results().items()).containsExactly(5,
				2);
		assertThat(rows().keyword("%", "name LIKE :kw").page(ListParams.none()).results().total()).isZero();
		assertThat(rows().filter("b", "name = :n", "n")
			.filter(" ", "name = :m", "m")
			.page(ListParams.none())
			.results()
			.items()).containsExactly(3);
	}

	@Test
	void theExportHoldsEveryFilteredRowInThePagesOrderWithIsoDates() throws Exception {
		ListQuery<Object[]> named = ListQuery.of(this.jdbc, SPEC, ROWS, (rs,
				n) -> new Object[] { rs.getInt("id"), rs.getString("name"), rs.getObject("made_on", LocalDate.class) });
		MockHttpServletResponse response = new MockHttpServletResponse();
		ListExport.respond(response, "测试",
				List.of(ListExport.column("编号", (Object[] r) -> r[0]), ListExport.column("名称", (Object[] r) -> r[1]),
						ListExport.column("日期", (Object[] r) -> r[2])),
				named, params("name", "desc", "2", "10", "2026-02-01", null));
		assertThat(response.getContentType()).isEqualTo(Xlsx.CONTENT_TYPE);
		assertThat(response.getHeader("Content-Disposition")).contains("%E6%B5%8B%E8%AF%95.xlsx");
		// page 2 of size 10 asked: the export ignores the page and holds all three rows
		assertThat(Spreadsheets.firstSheet(response.getContentAsByteArray())).containsExactly(List.of("编号", "名称", "日期"),
				List.of("3", "b", "2026-03-15"), List.of("5", "a", "2026-03-01"), List.of("2", "a", "2026-02-10"));
	}

	@Test
	void anExportBeyondTheCapEndsWithARowThatSaysSo() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ListExport.respond(response, "测试", List.of(ListExport.column("编号", (Integer id) -> id)), rows(),
				params("name", "asc", null, null, null, null), 3);
		List<List<String>> sheet = Spreadsheets.firstSheet(response.getContentAsByteArray());
		assertThat(sheet).hasSize(5);
		assertThat(sheet.subList(1, 4)).containsExactly(List.of("2"), List.of("5"), List.of("3"));
		assertThat(sheet.get(4).get(0)).contains("仅导出了前 3 条").contains("共 5 条");
	}

	@Test
	void theExportWalksLongListsInBatches() {
		String many = "SELECT g AS id, 'x' AS name, DATE '2026-01-01' + (g % 30) AS made_on FROM generate_series(1, 2500) g";
		List<Integer> seen = new java.util.ArrayList<>();
		ListQuery.of(this.jdbc, SPEC, many, (rs, n) -> rs.getInt("id"))
			.each(params("name", "asc", null, null, null, null).resolve(SPEC), 2400, seen::add);
		assertThat(seen).hasSize(2400).doesNotHaveDuplicates();
		assertThat(seen.subList(0, 3)).containsExactly(1, 2, 3);
	}

}
