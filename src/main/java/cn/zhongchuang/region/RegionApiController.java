package cn.zhongchuang.region;

import java.util.List;

import cn.zhongchuang.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "行政区划 GB/T 2260")
class RegionApiController {

	private final Regions regions;

	RegionApiController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "Children of a region (default: the provinces), or a search by name or code")
	List<Region> list(@RequestParam(required = false) String parent, @RequestParam(required = false) String q) {
		if (q != null) {
			return this.regions.search(q, 50);
		}
		String code = (parent == null || parent.isBlank()) ? Region.NATION : parent;
		this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		return this.regions.children(code);
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region with its path from the national root")
	RegionDetail get(@PathVariable String code) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		return new RegionDetail(region, this.regions.path(code), this.regions.children(code).size());
	}

	record RegionDetail(Region region, List<Region> path, int childCount) {
	}

}
