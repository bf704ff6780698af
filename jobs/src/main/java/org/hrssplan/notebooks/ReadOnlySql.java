package org.hrssplan.notebooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Analysts' statements are read-only, judged by what the statement does, not by its first word: Spark's own parser
 * (the session's, Delta's commands included) turns it into a plan, and the plan must be a query — every operator in
 * it, common table expressions and subqueries included, one that only reads — or one command that only describes
 * (SHOW, DESCRIBE, EXPLAIN). {@code WITH a AS (…) INSERT …}, {@code FROM t INSERT …}, MERGE, CREATE, CACHE, ADD JAR,
 * CALL, SET and USE are refused before anything runs. A statement Spark cannot parse fails with Spark's parse error.
 *
 * <p>Query operators are an allow-list: an operator Spark adds in a later version is refused until it is named here,
 * which is the safe way to be wrong.
 */
public final class ReadOnlySql {
  /** The operators of a parsed query (Spark 4.1), by simple class name. */
  private static final Set<String> QUERY_OPERATORS = Set.of(
      "Project", "Filter", "Aggregate", "Join", "LateralJoin", "Window", "Sort", "GlobalLimit", "LocalLimit", "Offset", "Tail",
      "Union", "Intersect", "Except", "Distinct", "Deduplicate", "SubqueryAlias", "Generate", "Expand", "Pivot", "Unpivot",
      "Sample", "Range", "OneRowRelation", "LocalRelation", "UnresolvedWith", "WithCTE", "CTERelationDef", "CTERelationRef",
      "RepartitionByExpression", "Repartition", "RebalancePartitions", "UnresolvedHint", "PipeOperator",
      "UnresolvedRelation", "RelationTimeTravel", "UnresolvedHaving", "UnresolvedTableValuedFunction", "UnresolvedTVFAliases",
      "UnresolvedInlineTable", "UnresolvedSubqueryColumnAliases");

  /** Commands that only describe (their operands are names, or a query EXPLAIN does not run), by simple class name. */
  private static final Set<String> DESCRIBING_COMMANDS = Set.of(
      "ShowTables", "ShowTablesExtended", "ShowViews", "ShowNamespaces", "ShowNamespacesCommand", "ShowColumns", "ShowFunctions",
      "ShowCreateTable", "ShowTableProperties", "ShowPartitions", "ShowCatalogsCommand", "ShowCurrentNamespaceCommand",
      "DescribeRelation", "DescribeColumn", "DescribeNamespace", "DescribeFunction", "DescribeQueryCommand", "ExplainCommand",
      "DescribeDeltaDetailCommand", "DescribeDeltaHistory");

  private ReadOnlySql() {}

  /** Throws {@link ReadOnlyViolation} unless {@code sql} only reads or describes; Spark's parse error if it does not parse. */
  public static void check(SparkSession spark, String sql) throws org.apache.spark.sql.catalyst.parser.ParseException {
    LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(sql);
    if (DESCRIBING_COMMANDS.contains(plan.getClass().getSimpleName())) return;
    String writer = firstNonQueryOperator(plan);
    if (writer != null) {
      throw new ReadOnlyViolation("refused: the statement is " + words(writer) + ", not a query; the published tables are read-only"
          + " here (queries — SELECT, WITH, VALUES, TABLE, FROM — and SHOW, DESCRIBE, EXPLAIN). The nightly run is the only writer.");
    }
  }

  /** The first operator of the plan, its common table expressions and subqueries, that is not a query's; null if none. */
  static String firstNonQueryOperator(LogicalPlan plan) {
    Deque<LogicalPlan> todo = new ArrayDeque<>();
    todo.push(plan);
    while (!todo.isEmpty()) {
      LogicalPlan p = todo.pop();
      String name = p.getClass().getSimpleName().replace("$", "");
      if (!QUERY_OPERATORS.contains(name)) return name;
      CollectionConverters.asJava(p.children()).forEach(todo::push);
      for (Object inner : CollectionConverters.asJava(p.innerChildren())) if (inner instanceof LogicalPlan l) todo.push(l);
      CollectionConverters.asJava(p.subqueries()).forEach(todo::push);
    }
    return null;
  }

  /** {@code InsertIntoStatement} → {@code INSERT INTO}, {@code AddJarsCommand} → {@code ADD JARS}: the operator as SQL says it. */
  static String words(String operator) {
    String w = operator.replaceFirst("(Statement|Command)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    return w.isEmpty() ? operator : w;
  }

  public static final class ReadOnlyViolation extends RuntimeException {
    public ReadOnlyViolation(String message) {
      super(message);
    }
  }
}
