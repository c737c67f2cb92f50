package org.yishi.till.store.policy;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the policy store. */
interface PolicyMapper {

    String COLUMNS = "policy_id, version, effective_from, effective_to, yaml_text, yaml_sha256, installed_at";

    @Insert("INSERT INTO policy_version (" + COLUMNS + ") VALUES (#{policyId}, #{version}, #{effectiveFrom},"
            + " #{effectiveTo}, #{yamlText}, #{yamlSha256}, #{installedAt})")
    int insert(PolicyRow row);

    @Select("SELECT " + COLUMNS + " FROM policy_version WHERE policy_id = #{policyId} AND version = #{version}")
    PolicyRow find(@Param("policyId") String policyId, @Param("version") String version);

    @Select("SELECT " + COLUMNS + " FROM policy_version WHERE policy_id = #{policyId} ORDER BY effective_from, version")
    List<PolicyRow> versions(String policyId);

    @Select("SELECT DISTINCT policy_id FROM policy_version ORDER BY policy_id")
    List<String> policyIds();
}
