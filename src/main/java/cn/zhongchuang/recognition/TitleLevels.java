package cn.zhongchuang.recognition;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.stereotype.Component;

/**
 * The one rule of levels (级别): at which level a government user grants titles, which
 * level comes next for a recommendation (推荐), and which authority of which region
 * receives it.
 * <ul>
 * <li>A county reviewer, and a city bureau at a county code, act at DISTRICT level; a
 * city bureau at a city code, or at a municipality (北京 11, 天津 12, 上海 31, 重庆 50), at CITY
 * level; the province at PROVINCE; the national authority at NATIONAL.</li>
 * <li>Next level: DISTRICT → CITY → PROVINCE → NATIONAL, except that in a municipality
 * CITY is followed by NATIONAL (Beijing has no province above its municipal level).</li>
 * <li>The receiving region: for CITY the city the institution lies in (in a municipality
 * the municipality, xx0000), for PROVINCE its province, for NATIONAL 全国 (000000).</li>
 * </ul>
 */
@Component
public class TitleLevels {

	/**
	 * The four municipalities directly under the central government, by province prefix.
	 */
	static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

	/**
	 * The science authorities of the municipalities at their municipal level: not a rule
	 * of names (Beijing's and Shanghai's are 委员会, the others 局).
	 */
	private static final Map<String, String> MUNICIPAL_AUTHORITIES = Map.of("11", "北京市科学技术委员会", "12", "天津市科学技术局", "31",
			"上海市科学技术委员会", "50", "重庆市科学技术局");

	/** The national authority for maker spaces and incubators. */
	static final String NATIONAL_AUTHORITY = "科学技术部";

	private final Regions regions;

	TitleLevels(Regions regions) {
		this.regions = regions;
	}

	/** The level at which the user grants titles; empty for anyone who grants none. */
	public Optional<String> levelOf(CurrentUser user) {
		if (user == null || user.role() == null) {
			return Optional.empty();
		}
		return switch (user.role()) {
			case COUNTY_REVIEWER -> Optional.of("DISTRICT");
			case PROVINCE -> Optional.of("PROVINCE");
			case NATIONAL -> Optional.of("NATIONAL");
			case CITY_BUREAU -> cityBureauLevel(user.regionCode());
			default -> Optional.empty();
		};
	}

	private Optional<String> cityBureauLevel(String code) {
		Region.Level at = this.regions.find(code).map(Region::level).orElse(null);
		if (at == Region.Level.COUNTY) {
			return Optional.of("DISTRICT");
		}
		if (at == Region.Level.CITY || (at == Region.Level.PROVINCE && municipality(code))) {
			return Optional.of("CITY");
		}
		return Optional.empty();
	}

	/**
	 * The level a title of {@code level} held by an institution in {@code regionCode} is
	 * recommended to; empty above NATIONAL.
	 */
	public Optional<String> next(String level, String regionCode) {
		return switch (String.valueOf(level)) {
			case "DISTRICT" -> Optional.of("CITY");
			case "CITY" -> Optional.of(municipality(regionCode) ? "NATIONAL" : "PROVINCE");
			case "PROVINCE" -> Optional.of("NATIONAL");
			default -> Optional.empty();
		};
	}

	/**
	 * The region of the authority that receives a recommendation to {@code level} of an
	 * institution in {@code regionCode}.
	 */
	public String receivingRegion(String level, String regionCode) {
		String province = (regionCode != null && regionCode.length() >= 2) ? regionCode.substring(0, 2) + "0000"
				: Region.NATION;
		return switch (String.valueOf(level)) {
			case "CITY" -> municipality(regionCode) ? province
					: this.regions.path(regionCode)
						.stream()
						.filter((r) -> r.level() == Region.Level.CITY)
						.map(Region::code)
						.findFirst()
						.orElse(province);
			case "PROVINCE" -> province;
			default -> Region.NATION;
		};
	}

	/** The name of the authority that grants titles of {@code level} in its region. */
	public String authorityOf(String level, String region) {
		if ("NATIONAL".equals(level) || Region.NATION.equals(region)) {
			return NATIONAL_AUTHORITY;
		}
		if (region != null && municipality(region) && region.endsWith("0000")) {
			return MUNICIPAL_AUTHORITIES.get(region.substring(0, 2));
		}
		return this.regions.scienceAuthorityOf(region);
	}

	/** The role whose users act at {@code level}: who is told of a recommendation. */
	public static Role roleAt(String level) {
		return switch (String.valueOf(level)) {
			case "PROVINCE" -> Role.PROVINCE;
			case "NATIONAL" -> Role.NATIONAL;
			default -> Role.CITY_BUREAU;
		};
	}

	/**
	 * Whether the user acts at {@code level} for {@code region}: its level is that one
	 * and its region holds the region.
	 */
	public boolean actsAt(CurrentUser user, String level, String region) {
		return levelOf(user).map(level::equals).orElse(false) && this.regions.contains(user.regionCode(), region);
	}

	/** Whether the code lies in 北京, 天津, 上海 or 重庆. */
	public static boolean municipality(String code) {
		return code != null && code.length() >= 2 && MUNICIPALITIES.contains(code.substring(0, 2));
	}

	/** The order of levels, lowest first. */
	static int rank(String level) {
		return switch (String.valueOf(level)) {
			case "DISTRICT" -> 0;
			case "CITY" -> 1;
			case "PROVINCE" -> 2;
			case "NATIONAL" -> 3;
			default -> -1;
		};
	}

}
