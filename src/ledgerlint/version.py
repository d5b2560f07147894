"""The version of ledgerlint, in a module of its own so that any stage can read it without importing the
package's API."""
__version__ = "0.2.0"

# where the project lives; SARIF's informationUri, and the rule catalog that its helpUri entries point at
HOMEPAGE = "https://github.com/ledgerlint/ledgerlint"
CATALOG = f"{HOMEPAGE}/blob/main/docs/catalog"
