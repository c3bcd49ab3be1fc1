package cn.zhongchuang.region;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 行政区划: the tree, expanded level by level with htmx, and a search box. */
@Controller
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	String tree(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("root", this.regions.find(Region.NATION).orElseThrow());
		model.addAttribute("provinces", this.regions.children(Region.NATION));
		model.addAttribute("total", this.regions.count());
		model.addAttribute("q", q);
		model.addAttribute("matches", (q != null) ? this.regions.search(q, 50) : null);
		return "region/regions";
	}

	@GetMapping(path = "/regions/children", headers = "HX-Request")
	String children(@RequestParam String parent, Model model) {
		model.addAttribute("nodes", this.regions.children(parent));
		return "region/regions :: nodes";
	}

	@GetMapping("/regions/search")
	String search(@RequestParam(defaultValue = "") String q, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("q", q);
		model.addAttribute("matches", this.regions.search(q, 50));
		if (htmx == null) {
			return tree(q, model);
		}
		return "region/regions :: matches";
	}

}
