package cn.zhongchuang.statistics;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计数据, the public page: the overview's figures as charts and tables, counts only, a
 * drill-down from the country to the counties.
 */
@Controller
class StatisticsController {

	private final StatisticsOverview overview;

	private final StatisticsBoards boards;

	StatisticsController(StatisticsOverview overview, StatisticsBoards boards) {
		this.overview = overview;
		this.boards = boards;
	}

	@GetMapping("/statistics")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf, Model model,
			Locale locale) {
		Overview o = this.overview.overview(region, asOf);
		model.addAttribute("board", this.boards.board(o, "/statistics", false, StatisticsOverview.NATION, locale));
		model.addAttribute("currentPath", "/statistics");
		return "statistics/public";
	}

}
