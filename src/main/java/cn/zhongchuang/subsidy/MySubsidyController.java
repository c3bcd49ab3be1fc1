package cn.zhongchuang.subsidy;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的奖补: the awards made to the operator's organisation, read-only. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class MySubsidyController {

	private final Subsidies subsidies;

	MySubsidyController(Subsidies subsidies) {
		this.subsidies = subsidies;
	}

	@GetMapping("/subsidies/mine")
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<MyAward> rows = this.subsidies.mine(user)
			.stream()
			.map((a) -> new MyAward(a, this.subsidies.programmeOf(a).map(Programme::name).orElse("")))
			.toList();
		model.addAttribute("rows", rows);
		return "subsidy/mine";
	}

	record MyAward(Award a, String programme) {
	}

}
