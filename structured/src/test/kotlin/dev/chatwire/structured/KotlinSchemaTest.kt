package dev.chatwire.structured

import com.fasterxml.jackson.databind.ObjectMapper
import dev.chatwire.json.ChatJson
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

@Description("A planned trip")
data class Trip(
    val city: String,
    @field:Description("Nights to stay") val nights: Int = 3,
    val note: String? = null,
    val stops: List<Stop> = emptyList(),
    val budget: Double?,
    val season: Season = Season.SUMMER,
)

data class Stop(val name: String, val minutes: Long?)

enum class Season { SUMMER, WINTER }

class KotlinSchemaTest {
  private val json = ObjectMapper()

  @Test
  fun dataClassSchemaMarksOnlyNullableTypesNullableAndMatchesItsGoldenFile() {
    val schema = StructuredOutput.schema(Trip::class.java)
    val golden = javaClass.getResourceAsStream("/golden/Trip.json")!!.use { json.readTree(it) }

    assertThat(json.readTree(schema)).isEqualTo(golden)
    assertThat(StrictModeValidator.violations(schema)).isEmpty()
    val properties = json.readTree(schema).path("properties")
    assertThat(properties.path("note").path("type").toString()).isEqualTo("[\"string\",\"null\"]")
    assertThat(properties.path("budget").path("type").toString()).isEqualTo("[\"number\",\"null\"]")
    assertThat(properties.path("city").path("type").asText()).isEqualTo("string")
    assertThat(properties.path("nights").path("type").asText()).isEqualTo("integer")
  }

  @Test
  fun reifiedHelpersBuildTheFormatAndParseIntoTheDataClass() {
    val format = responseFormat<Trip>()
    val completion = ChatJson.readCompletion(
        """{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
        "message":{"role":"assistant","content":"{\"city\":\"Rome\",\"nights\":2,\"note\":null,
        \"stops\":[{\"name\":\"Forum\",\"minutes\":null}],\"budget\":120.5,\"season\":\"WINTER\"}"},
        "finish_reason":"stop"}]}""".replace("\n", ""))

    val trip = completion.parse<Trip>()

    assertThat(format.jsonSchema!!.name).isEqualTo("Trip")
    assertThat(format.jsonSchema!!.description).isEqualTo("A planned trip")
    assertThat(trip).isEqualTo(Trip("Rome", 2, null, listOf(Stop("Forum", null)), 120.5, Season.WINTER))
  }

  @Test
  fun defaultValuesFillWhatAProviderLeftOutAndAMissingRequiredValueIsAMismatch() {
    assertThat(StructuredOutput.parseJson("""{"city":"Oslo","budget":null}""", Trip::class.java))
        .isEqualTo(Trip(city = "Oslo", budget = null))
    assertThatThrownBy { StructuredOutput.parseJson("""{"nights":1}""", Trip::class.java) }
        .isInstanceOf(OutputMismatchException::class.java)
  }

  @Test
  fun aTypedToolFromADataClassIsStrict() {
    val tool = typedTool<Stop>("add_stop", "Adds a stop")
    assertThat(StrictModeValidator.violations(tool.tool.function!!.parameters!!)).isEmpty()
    assertThat(tool.parseArguments("""{"name":"Louvre","minutes":90}""")).isEqualTo(Stop("Louvre", 90))
  }
}
