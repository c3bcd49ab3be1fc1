package cn.zhongchuang.institution;

/**
 * 产业类型 of Lanzhou's spaces (seed 004); an institution has at most one. Labels under
 * {@code institution.sectorType.<NAME>}.
 */
public enum SectorType {

	E_COMMERCE, CULTURE, MODERN_AGRICULTURE, INTERNET_PLUS, TECH_STARTUP, COMPREHENSIVE_SERVICE

}
