package cn.zhongchuang.recognition;

import java.util.Optional;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule of levels: a user's level, the next level, the receiving region and
 * authority.
 */
@IntegrationTest
class TitleLevelsTests {

	@Autowired
	TitleLevels levels;

	static CurrentUser user(Role role, String region) {
		return new CurrentUser() {
			public long id() {
				return 0;
			}

			public String username() {
				return "x";
			}

			public String displayName() {
				return "x";
			}

			public Role role() {
				return role;
			}

			public String regionCode() {
				return region;
			}
		};
	}

	@Test
	void theLevelAUserGrantsAtFollowsRoleAndRegion() {
		assertThat(this.levels.levelOf(user(Role.COUNTY_REVIEWER, "620102"))).contains("DISTRICT");
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "110105"))).contains("DISTRICT");
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "620100"))).contains("CITY");
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "210100"))).contains("CITY");
		// a municipality's own level is the city level
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "110000"))).contains("CITY");
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "500000"))).contains("CITY");
		assertThat(this.levels.levelOf(user(Role.CITY_BUREAU, "620000"))).isEmpty();
		assertThat(this.levels.levelOf(user(Role.PROVINCE, "210000"))).contains("PROVINCE");
		assertThat(this.levels.levelOf(user(Role.NATIONAL, "000000"))).contains("NATIONAL");
		assertThat(this.levels.levelOf(user(Role.OPERATOR, "110105"))).isEmpty();
		assertThat(this.levels.levelOf(user(Role.ADMIN, "000000"))).isEmpty();
	}

	@Test
	void theNextLevelSkipsTheProvinceInAMunicipality() {
		assertThat(this.levels.next("DISTRICT", "110105")).contains("CITY");
		assertThat(this.levels.next("CITY", "110105")).contains("NATIONAL");
		assertThat(this.levels.next("CITY", "310104")).contains("NATIONAL");
		assertThat(this.levels.next("DISTRICT", "620102")).contains("CITY");
		assertThat(this.levels.next("CITY", "620102")).contains("PROVINCE");
		assertThat(this.levels.next("PROVINCE", "210112")).contains("NATIONAL");
		assertThat(this.levels.next("NATIONAL", "210112")).isEqualTo(Optional.empty());
	}

	@Test
	void theReceivingAuthorityIsTheCityTheProvinceOrTheNation() {
		assertThat(this.levels.receivingRegion("CITY", "110105")).isEqualTo("110000");
		assertThat(this.levels.receivingRegion("CITY", "620102")).isEqualTo("620100");
		assertThat(this.levels.receivingRegion("CITY", "210112")).isEqualTo("210100");
		assertThat(this.levels.receivingRegion("PROVINCE", "210112")).isEqualTo("210000");
		assertThat(this.levels.receivingRegion("NATIONAL", "110105")).isEqualTo("000000");
		assertThat(this.levels.authorityOf("CITY", "110000")).isEqualTo("北京市科学技术委员会");
		assertThat(this.levels.authorityOf("CITY", "620100")).isEqualTo("兰州市科学技术局");
		assertThat(this.levels.authorityOf("PROVINCE", "210000")).isEqualTo("辽宁省科学技术厅");
		assertThat(this.levels.authorityOf("NATIONAL", "000000")).isEqualTo("科学技术部");
		assertThat(Recognitions.prefixOf("北京市科学技术委员会")).isEqualTo("京科众");
		assertThat(Recognitions.prefixOf("科学技术部")).isEqualTo("国科众");
		assertThat(Recognitions.prefixOf("北京市朝阳区科学技术委员会")).isEqualTo("朝科众");
	}

}
