package cn.zhongchuang;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ZhongchuangApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		// Component diagrams only: the module canvases parse Javadoc through a JSON
		// reader that chokes on
		// brackets inside comments (e.g. half-open intervals), which is not worth bending
		// comments for.
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
